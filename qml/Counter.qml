// A labelled number of the scan view.
import QtQuick
import QtQuick.Layouts

Rectangle {
    property string label
    property var value
    radius: 10
    color: Theme.panel
    implicitWidth: column.implicitWidth + 36
    implicitHeight: Theme.touch
    Accessible.role: Accessible.StaticText
    Accessible.name: label + ": " + value
    ColumnLayout {
        id: column
        anchors.centerIn: parent
        spacing: 0
        Text { text: label; color: Theme.muted; font.pixelSize: 16; Layout.alignment: Qt.AlignHCenter }
        Text { text: value; color: Theme.text; font.pixelSize: 30; font.bold: true; Layout.alignment: Qt.AlignHCenter }
    }
}
