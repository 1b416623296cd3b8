#pragma once

#include "apps/gatescanner/DeviceToken.h"
#include "apps/gatescanner/FrameDecoder.h"
#include "apps/gatescanner/Gate.h"
#include "apps/gatescanner/OfflineStore.h"
#include "client/ApiClient.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>
#include <QUrl>
#include <QVariantList>
#include <QVideoSink>
#include <memory>

namespace ticketing::gate {

// The scanner as its QML screens see it (qml/, module Ticketing.Gate): one object for the
// whole kiosk, made by main() before the screens load, and given to QML as the singleton
// `Scanner`. It says which screen shows (enroll, choose the event, scan), holds what each shows,
// and takes what a person does there. The rules are the Gate's and the OfflineStore's; the
// texts are here (tr), so that the screens only lay them out. GUI thread.
class Scanner final : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(Screen screen READ screen NOTIFY screenChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(QString server READ server WRITE setServer NOTIFY serverChanged)
    Q_PROPERTY(QString deviceName READ deviceName NOTIFY deviceChanged)
    Q_PROPERTY(QString gateName READ gateName NOTIFY deviceChanged)
    Q_PROPERTY(QString tokenWhere READ tokenWhere NOTIFY deviceChanged)
    Q_PROPERTY(QVariantList events READ events NOTIFY eventsChanged)
    Q_PROPERTY(QString eventTitle READ eventTitle NOTIFY eventChanged)
    Q_PROPERTY(bool exitMode READ exitMode WRITE setExitMode NOTIFY exitModeChanged)
    Q_PROPERTY(bool online READ online NOTIFY statusChanged)
    Q_PROPERTY(int waiting READ waiting NOTIFY statusChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY statusChanged)
    Q_PROPERTY(qint64 admittedHere READ admittedHere NOTIFY countsChanged)
    Q_PROPERTY(qint64 inside READ inside NOTIFY countsChanged)
    Q_PROPERTY(bool ticketListReady READ ticketListReady NOTIFY countsChanged)
    Q_PROPERTY(bool resultShown READ resultShown NOTIFY resultChanged)
    Q_PROPERTY(QString resultKind READ resultKind NOTIFY resultChanged)
    Q_PROPERTY(QString resultTitle READ resultTitle NOTIFY resultChanged)
    Q_PROPERTY(QString resultDetail READ resultDetail NOTIFY resultChanged)
    Q_PROPERTY(QString resultNote READ resultNote NOTIFY resultChanged)
    Q_PROPERTY(QVideoSink* videoSink READ videoSink WRITE setVideoSink NOTIFY videoSinkChanged)

public:
    enum class Screen
    {
        Starting,
        Enroll,
        ChooseEvent,
        Scan
    };
    Q_ENUM(Screen)

    struct Options
    {
        QString dataDir;      // the OfflineStore and the token's fallback file
        QUrl defaultServer;   // for a code typed without a link
        QString event;        // chosen by itself once listed, when no event is chosen yet
        int resultMs = 2000;  // how long a result stays
        Gate::Options gate{}; // the gate's timings
    };

    explicit Scanner(Options options, QObject* parent = nullptr);
    ~Scanner() override;

    // The instance QML gets (set by main before the engine loads the screens).
    static void setInstance(Scanner* scanner);
    static Scanner* create(QQmlEngine*, QJSEngine*);

    // Opens the store and picks the first screen; false (with `error`) when the store cannot
    // be opened (the disk): the app says so and stops.
    bool start(QString* error);

    Screen screen() const { return m_screen; }
    bool busy() const { return m_busy; }
    QString message() const { return m_message; }
    QString server() const { return m_server; }
    void setServer(const QString& server);
    QString deviceName() const;
    QString gateName() const;
    QString tokenWhere() const;
    QVariantList events() const { return m_events; }
    QString eventTitle() const;
    bool exitMode() const { return m_exit; }
    void setExitMode(bool exit);
    bool online() const;
    int waiting() const;
    QString statusText() const;
    qint64 admittedHere() const;
    qint64 inside() const;
    bool ticketListReady() const;
    bool resultShown() const { return m_resultShown; }
    QString resultKind() const { return m_resultKind; }
    QString resultTitle() const { return m_resultTitle; }
    QString resultDetail() const { return m_resultDetail; }
    QString resultNote() const { return m_resultNote; }
    QVideoSink* videoSink() const { return m_sink; }
    void setVideoSink(QVideoSink* sink);

    // What a person does. `text`: a code typed, or read from the organizer's QR code.
    Q_INVOKABLE void enroll(const QString& text);
    Q_INVOKABLE void reloadEvents();
    Q_INVOKABLE void chooseEvent(int index);
    Q_INVOKABLE void changeEvent();
    // A code read: from the handheld scanner (typed, ending with Enter) or the camera.
    Q_INVOKABLE void scan(const QString& code);
    Q_INVOKABLE void dismissResult();
    // Forgets the device (its token, its bundle; the queue stays until it uploads).
    Q_INVOKABLE void unenroll();

    Gate* gate() const { return m_gate.get(); }
    OfflineStore* store() const { return m_store.get(); }

Q_SIGNALS:
    void screenChanged();
    void busyChanged();
    void messageChanged();
    void serverChanged();
    void deviceChanged();
    void eventsChanged();
    void eventChanged();
    void exitModeChanged();
    void statusChanged();
    void countsChanged();
    void resultChanged();
    void videoSinkChanged();
    // A result to sound: "admitted", "exited", "inside", "refused" or "problem".
    void sound(const QString& kind);

private:
    void setScreen(Screen s);
    void setBusy(bool busy);
    void setMessage(const QString& message);
    void signedIn(const QString& token);
    void startGate();
    void show(const GateResult& result);
    void codeRead(const QString& code);

    Options m_options;
    std::unique_ptr<OfflineStore> m_store;
    std::unique_ptr<client::ApiClient> m_api;
    std::unique_ptr<Gate> m_gate;
    DeviceToken* m_token = nullptr;
    FrameDecoder m_decoder;
    QPointer<QVideoSink> m_sink;
    Screen m_screen = Screen::Starting;
    bool m_busy = false;
    QString m_message;
    QString m_server;
    QVariantList m_events;
    std::vector<std::pair<domain::EventId, QString>> m_eventIds;
    bool m_exit = false;
    bool m_resultShown = false;
    QString m_resultKind, m_resultTitle, m_resultDetail, m_resultNote;
    QTimer m_resultTimer;
};

} // namespace ticketing::gate
