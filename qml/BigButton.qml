// A touch-sized button that never takes the keyboard focus from the handheld scanner's field;
// its keyboard path is a shortcut, said in its tooltip and its accessible description.
import QtQuick
import QtQuick.Controls

Button {
    id: button
    property string shortcut: ""
    property bool highlighted_: false
    focusPolicy: Qt.NoFocus
    implicitHeight: Theme.touch
    implicitWidth: Math.max(Theme.touch * 2.4, contentItem.implicitWidth + 48)
    font.pixelSize: Theme.big * 0.8
    Accessible.name: text
    Accessible.description: shortcut ? qsTr("Shortcut: %1").arg(shortcut) : ""
    // Qt 6.4 does not press a control whose Accessible is set in QML: a screen reader's (and
    // the end-to-end test's) press is the click.
    Accessible.onPressAction: if (enabled) clicked()
    ToolTip.visible: hovered && shortcut !== ""
    ToolTip.text: shortcut
    background: Rectangle {
        radius: 10
        color: button.highlighted_ ? Theme.accent : (button.down ? "#3a414d" : Theme.panel)
        border.color: button.highlighted_ ? "#9cc2ff" : "#4a5260"
        border.width: 2
    }
    contentItem: Text {
        text: button.text
        font: button.font
        color: Theme.text
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
}
