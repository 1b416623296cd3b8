// Enrolling this scanner once: scan the organizer's QR code with the camera, or type the server
// and the code it shows.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ticketing.Gate

Item {
    id: screen
    property bool active: false
    onActiveChanged: if (active) codeField.forceActiveFocus()

    RowLayout {
        anchors.fill: parent
        anchors.margins: 32
        spacing: 32

        CameraView {
            Layout.fillHeight: true
            Layout.preferredWidth: parent.width * 0.45
            active: screen.active
            hint: qsTr("No camera found: type the code the organizer shows.")
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 18

            Text {
                text: qsTr("Enroll this scanner")
                color: Theme.text
                font.pixelSize: Theme.big * 1.5
                font.bold: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Text {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                color: Theme.muted
                font.pixelSize: Theme.big * 0.7
                text: qsTr("Hold the organizer's enrollment QR code up to the camera, or type "
                           + "the server's address and the 12-character code. This is done once.")
            }
            Label {
                text: qsTr("Server address")
                color: Theme.text
                font.pixelSize: Theme.big * 0.7
            }
            TextField {
                id: serverField
                Layout.fillWidth: true
                implicitHeight: Theme.touch
                font.pixelSize: Theme.big * 0.8
                text: Scanner.server
                //: An example of a server address.
                placeholderText: qsTr("https://tickets.example.org")
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                Accessible.name: qsTr("Server address")
                onEditingFinished: Scanner.server = text
                KeyNavigation.tab: codeField
            }
            Label {
                text: qsTr("Enrollment code")
                color: Theme.text
                font.pixelSize: Theme.big * 0.7
            }
            TextField {
                id: codeField
                Layout.fillWidth: true
                implicitHeight: Theme.touch
                font.pixelSize: Theme.big
                font.capitalization: Font.AllUppercase
                font.letterSpacing: 4
                //: How an enrollment code looks (12 letters and digits in groups of four).
                placeholderText: qsTr("ABCD-EFGH-JKMN")
                inputMethodHints: Qt.ImhUppercaseOnly | Qt.ImhNoPredictiveText
                Accessible.name: qsTr("Enrollment code")
                onAccepted: enrollButton.go()
                KeyNavigation.tab: enrollButton
            }
            RowLayout {
                spacing: 16
                BigButton {
                    id: enrollButton
                    text: qsTr("Enroll")
                    highlighted_: true
                    focusPolicy: Qt.StrongFocus
                    enabled: !Scanner.busy
                    shortcut: qsTr("Enter")
                    function go() {
                        Scanner.server = serverField.text
                        Scanner.enroll(codeField.text)
                    }
                    onClicked: go()
                    Keys.onReturnPressed: go()
                }
                BusyIndicator {
                    running: Scanner.busy
                    visible: running
                    Accessible.name: qsTr("Working")
                }
            }
            Text {
                id: message
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                color: "#ffb4a9"
                font.pixelSize: Theme.big * 0.7
                text: Scanner.message
                visible: text !== ""
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            Item { Layout.fillHeight: true }
        }
    }
}
