// A result, large: green admitted (with seat and tier), blue exit, amber already inside (when
// and where), red refused (with the reason). Its word and symbol say it without the colour.
import QtQuick
import QtQuick.Layouts
import Ticketing.Gate

Rectangle {
    id: panel
    radius: 16
    color: Scanner.resultKind === "admitted" ? Theme.admitted
         : Scanner.resultKind === "exited" ? Theme.exited
         : Scanner.resultKind === "inside" ? Theme.inside : Theme.refused
    Accessible.role: Accessible.AlertMessage
    Accessible.name: Scanner.resultTitle
    Accessible.description: Scanner.resultDetail + (Scanner.resultNote ? " " + Scanner.resultNote : "")

    MouseArea { anchors.fill: parent; onClicked: Scanner.dismissResult() }

    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - 80
        spacing: 18
        Text {
            Layout.alignment: Qt.AlignHCenter
            text: Scanner.resultKind === "admitted" ? "\u2714"
                : Scanner.resultKind === "exited" ? "\u2192"
                : Scanner.resultKind === "inside" ? "!" : "\u2716"
            color: "white"
            font.pixelSize: Theme.huge * 1.6
            font.bold: true
        }
        Text {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: Scanner.resultTitle
            color: "white"
            font.pixelSize: Theme.huge
            font.bold: true
        }
        Text {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: Scanner.resultDetail
            visible: text !== ""
            color: "white"
            font.pixelSize: Theme.big * 1.2
        }
        Text {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: Scanner.resultNote
            visible: text !== ""
            color: "#fff3cd"
            font.pixelSize: Theme.big * 0.75
            font.italic: true
        }
    }
}
