// The scan view: the camera, the handheld scanner's field (always focused: a handheld scanner
// types the code and Enter), entry or exit, the counters, the network's state, and each
// result large for about two seconds.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ticketing.Gate

Item {
    id: screen
    property bool active: false
    onActiveChanged: if (active) handheld.forceActiveFocus()

    Shortcut { sequence: "F2"; enabled: screen.active; onActivated: Scanner.exitMode = false }
    Shortcut { sequence: "F3"; enabled: screen.active; onActivated: Scanner.exitMode = true }
    Shortcut { sequence: "F9"; enabled: screen.active; onActivated: Scanner.changeEvent() }
    Shortcut { sequence: "Escape"; enabled: screen.active; onActivated: Scanner.dismissResult() }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 20
        spacing: 14

        RowLayout {
            Layout.fillWidth: true
            spacing: 16
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Text {
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                    text: Scanner.eventTitle
                    color: Theme.text
                    font.pixelSize: Theme.big
                    font.bold: true
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Text {
                    text: qsTr("Gate %1, %2").arg(Scanner.gateName).arg(Scanner.deviceName)
                    color: Theme.muted
                    font.pixelSize: Theme.big * 0.6
                }
            }
            Rectangle {
                id: badge
                radius: height / 2
                color: Scanner.online ? "#1f3b2a" : Theme.offline
                implicitHeight: 52
                implicitWidth: badgeText.implicitWidth + 40
                Accessible.role: Accessible.StatusBar
                Accessible.name: Scanner.statusText
                Text {
                    id: badgeText
                    anchors.centerIn: parent
                    text: (Scanner.online ? "\u25CF " : "\u25B2 ") + Scanner.statusText
                    color: Theme.text
                    font.pixelSize: Theme.big * 0.65
                    font.bold: !Scanner.online
                }
            }
            BigButton {
                text: qsTr("Change event")
                shortcut: qsTr("F9")
                onClicked: Scanner.changeEvent()
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 16
            BigButton {
                text: qsTr("Entry")
                shortcut: qsTr("F2")
                checkable: true
                checked: !Scanner.exitMode
                highlighted_: !Scanner.exitMode
                Accessible.role: Accessible.RadioButton
                onClicked: Scanner.exitMode = false
            }
            BigButton {
                text: qsTr("Exit")
                shortcut: qsTr("F3")
                checkable: true
                checked: Scanner.exitMode
                highlighted_: Scanner.exitMode
                Accessible.role: Accessible.RadioButton
                onClicked: Scanner.exitMode = true
            }
            Item { Layout.fillWidth: true }
            Counter { label: qsTr("Admitted here"); value: Scanner.admittedHere }
            Counter { label: qsTr("Inside now"); value: Scanner.inside }
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            CameraView {
                anchors.fill: parent
                active: screen.active
                hint: Scanner.ticketListReady
                      ? qsTr("No camera found: scan tickets with the handheld scanner.")
                      : qsTr("Loading the ticket list...")
            }
            ResultPanel {
                anchors.fill: parent
                visible: Scanner.resultShown
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            Label {
                text: qsTr("Handheld scanner")
                color: Theme.muted
                font.pixelSize: Theme.big * 0.6
            }
            // Where a handheld scanner types: it keeps the keyboard focus on this screen.
            TextField {
                id: handheld
                Layout.fillWidth: true
                implicitHeight: 48
                font.pixelSize: Theme.big * 0.6
                placeholderText: qsTr("Scan a ticket, or type its code and press Enter")
                inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                Accessible.name: qsTr("Handheld scanner input")
                onAccepted: {
                    Scanner.scan(text)
                    text = ""
                }
                onActiveFocusChanged: if (!activeFocus && screen.active) refocus.restart()
                Timer {
                    id: refocus
                    interval: 0
                    onTriggered: if (screen.active) handheld.forceActiveFocus()
                }
            }
        }
        Text {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: "#ffb4a9"
            font.pixelSize: Theme.big * 0.55
            text: Scanner.message
            visible: text !== ""
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
    }
}
