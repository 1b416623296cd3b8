// The gate scanner's window (issue 16): one screen at a time, as the Scanner says: enroll this
// device, choose the event, then scan. Kiosk: full screen, touch-sized, every control named
// for screen readers and reachable without a mouse.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtMultimedia
import Ticketing.Gate

ApplicationWindow {
    id: window
    width: 1100
    height: 720
    visible: true
    title: qsTr("Gate scanner")
    color: Theme.background

    // A distinct sound for each kind of result, so that staff can keep their eyes on the queue.
    SoundEffect { id: admittedSound; source: "sounds/admitted.wav" }
    SoundEffect { id: exitedSound; source: "sounds/exited.wav" }
    SoundEffect { id: insideSound; source: "sounds/inside.wav" }
    SoundEffect { id: refusedSound; source: "sounds/refused.wav" }
    Connections {
        target: Scanner
        function onSound(kind) {
            const effect = kind === "admitted" ? admittedSound
                         : kind === "exited" ? exitedSound
                         : kind === "inside" ? insideSound : refusedSound
            effect.play()
        }
    }

    StackLayout {
        anchors.fill: parent
        currentIndex: Scanner.screen === Scanner.Scan ? 2
                    : Scanner.screen === Scanner.ChooseEvent ? 1 : 0
        EnrollScreen { active: Scanner.screen === Scanner.Enroll }
        EventScreen { active: Scanner.screen === Scanner.ChooseEvent }
        ScanScreen { active: Scanner.screen === Scanner.Scan }
    }
}
