// Choosing the event this gate scans: the organizer's published events.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ticketing.Gate

Item {
    id: screen
    property bool active: false
    onActiveChanged: if (active) list.forceActiveFocus()

    Shortcut {
        sequence: "F5"
        enabled: screen.active
        onActivated: Scanner.reloadEvents()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 32
        spacing: 18

        RowLayout {
            Layout.fillWidth: true
            Text {
                Layout.fillWidth: true
                text: qsTr("Choose the event")
                color: Theme.text
                font.pixelSize: Theme.big * 1.5
                font.bold: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            BigButton {
                text: qsTr("Reload")
                shortcut: qsTr("F5")
                onClicked: Scanner.reloadEvents()
            }
        }
        Text {
            text: qsTr("%1 at gate %2").arg(Scanner.deviceName).arg(Scanner.gateName)
            color: Theme.muted
            font.pixelSize: Theme.big * 0.7
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 12
            clip: true
            model: Scanner.events
            keyNavigationEnabled: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Events")
            delegate: BigButton {
                required property var modelData
                required property int index
                width: ListView.view.width
                focusPolicy: Qt.StrongFocus
                highlighted_: ListView.isCurrentItem && list.activeFocus
                text: modelData.title + "  \u2014  " + modelData.when
                onClicked: Scanner.chooseEvent(index)
                Keys.onReturnPressed: Scanner.chooseEvent(index)
            }
            Keys.onReturnPressed: Scanner.chooseEvent(currentIndex)
        }
        Text {
            Layout.fillWidth: true
            visible: list.count === 0 && !Scanner.busy
            wrapMode: Text.WordWrap
            color: Theme.muted
            font.pixelSize: Theme.big * 0.7
            text: qsTr("No published event of this organizer yet.")
        }
        Text {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: "#ffb4a9"
            font.pixelSize: Theme.big * 0.7
            text: Scanner.message
            visible: text !== ""
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
    }
}
