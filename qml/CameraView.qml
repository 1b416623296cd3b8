// The camera's picture, its frames going to the Scanner's decoder while this view is active;
// without a camera it says how else to scan. The capture session exists only when a camera
// does (its pipeline is not built for nothing).
import QtQuick
import QtQuick.Controls
import QtMultimedia
import Ticketing.Gate

Rectangle {
    id: view
    property bool active: false
    property string hint: ""
    readonly property bool hasCamera: devices.videoInputs.length > 0
    color: "#0b0d10"
    radius: 12
    Accessible.role: Accessible.Graphic
    Accessible.name: hasCamera ? qsTr("Camera picture") : noCamera.text

    MediaDevices { id: devices }
    Loader {
        id: capture
        anchors.fill: parent
        anchors.margins: 4
        active: view.hasCamera
        sourceComponent: Item {
            property alias sink: output.videoSink
            CaptureSession {
                camera: Camera { active: view.active }
                videoOutput: output
            }
            VideoOutput {
                id: output
                anchors.fill: parent
                fillMode: VideoOutput.PreserveAspectCrop
            }
        }
        onLoaded: if (view.active) Scanner.videoSink = item.sink
    }
    onActiveChanged: if (active && capture.item) Scanner.videoSink = capture.item.sink

    Text {
        id: noCamera
        anchors.centerIn: parent
        width: parent.width - 48
        visible: !view.hasCamera
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter
        color: Theme.muted
        font.pixelSize: Theme.big * 0.8
        text: view.hint
    }
}
