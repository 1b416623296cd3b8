// The scanner's colours and sizes: large, high-contrast, and never colour alone (each result
// also has its word and its symbol).
pragma Singleton
import QtQuick

QtObject {
    readonly property color background: "#15181d"
    readonly property color panel: "#232830"
    readonly property color text: "#f2f4f7"
    readonly property color muted: "#aab2bf"
    readonly property color accent: "#3b82f6"
    readonly property color admitted: "#157a36"
    readonly property color exited: "#1f5f8b"
    readonly property color inside: "#a86400"
    readonly property color refused: "#b3261e"
    readonly property color offline: "#a86400"
    readonly property int touch: 72        // the height of anything a thumb presses
    readonly property int big: 30          // body text
    readonly property int huge: 64         // a result's word
}
