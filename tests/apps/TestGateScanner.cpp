// The gate scanner's screens (issue 16) against a real ticketd: enrolled with the organizer's
// code typed in, the event chosen by keyboard, tickets scanned as a handheld scanner types them
// (their characters, then Enter) with each result shown large; offline with its badge and
// queue; every control named for screen readers; and in German. With TICKETING_SCREENSHOT_DIR,
// the screenshots of docs/screenshots.
#include "apps/gatescanner/Scanner.h"
#include "client/Language.h"
#include "support/Accounts.h"
#include "support/DropProxy.h"
#include "support/HttpClient.h"
#include "support/Sales.h"
#include "support/TicketdUnderTest.h"

#include <QAccessible>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

Q_IMPORT_QML_PLUGIN(Ticketing_GatePlugin)

using namespace ticketing;
using namespace ticketing::test;
using gate::Scanner;

namespace {
// Every accessible object under `root`, depth first.
void collect(QAccessibleInterface* node, QList<QAccessibleInterface*>& out)
{
    if (!node)
        return;
    out << node;
    for (int i = 0; i < node->childCount(); ++i)
        collect(node->child(i), out);
}

bool interactive(QAccessible::Role role)
{
    return role == QAccessible::Button || role == QAccessible::EditableText ||
           role == QAccessible::RadioButton || role == QAccessible::CheckBox ||
           role == QAccessible::ListItem || role == QAccessible::ComboBox;
}
} // namespace

class TestGateScanner : public QObject
{
    Q_OBJECT

    TicketdUnderTest m_t;
    QString m_org;
    SoldTickets m_sold;
    QTemporaryDir m_dir;
    std::unique_ptr<DropProxy> m_proxy;
    std::unique_ptr<Scanner> m_scanner;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow* m_window = nullptr;

    QString addDevice(const QString& name, const QString& gate)
    {
        return m_t.http
            ->send("POST", QStringLiteral("/api/v1/checkin/devices"),
                   QJsonDocument(
                       QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("gate"), gate}})
                       .toJson(QJsonDocument::Compact),
                   bearer(m_org))
            .json()
            .value(QStringLiteral("enrollment_code"))
            .toString();
    }

    bool open()
    {
        Scanner::Options o;
        o.dataDir = m_dir.filePath(QStringLiteral("scanner"));
        o.defaultServer = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_proxy->port()));
        o.resultMs = 60000; // a test reads each result, then the next scan replaces it
        o.gate.bundleEvery = std::chrono::milliseconds(500);
        o.gate.firstBackoff = std::chrono::milliseconds(200);
        o.gate.maxBackoff = std::chrono::milliseconds(500);
        m_scanner = std::make_unique<Scanner>(o);
        QString error;
        if (!m_scanner->start(&error))
            return false;
        Scanner::setInstance(m_scanner.get());
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_engine->load(QUrl(QStringLiteral("qrc:/Ticketing/Gate/Main.qml")));
        if (m_engine->rootObjects().isEmpty())
            return false;
        m_window = qobject_cast<QQuickWindow*>(m_engine->rootObjects().first());
        m_window->resize(1100, 720);
        m_window->requestActivate();
        return QTest::qWaitForWindowExposed(m_window);
    }

    // The accessible object named `name` (and showing), as a screen reader finds it: a
    // control before a label of the same words.
    QAccessibleInterface* named(const QString& name)
    {
        QList<QAccessibleInterface*> all;
        collect(QAccessible::queryAccessibleInterface(m_window), all);
        QAccessibleInterface* any = nullptr;
        for (auto* a : all)
            if (a->text(QAccessible::Name) == name && !a->state().invisible) {
                if (interactive(a->role()))
                    return a;
                any = any ? any : a;
            }
        return any;
    }

    // Keys as a keyboard (or a handheld scanner) sends them to the focused control.
    void type(const QString& text, bool enter = true)
    {
        for (const auto c : text)
            QTest::keyClick(m_window, c.toLatin1());
        if (enter)
            QTest::keyClick(m_window, Qt::Key_Return);
    }

    void shot(const QString& name)
    {
        if (const auto dir = qEnvironmentVariable("TICKETING_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QTest::qWait(100);
            m_window->grabWindow().save(dir + QLatin1Char('/') + name);
        }
    }

    bool focusOn(const QString& accessibleName)
    {
        auto* a = named(accessibleName);
        if (!a)
            return false;
        if (auto* item = qobject_cast<QQuickItem*>(a->object()))
            item->forceActiveFocus();
        return true;
    }

    // Enrolled with the code typed, the event chosen: the scan view.
    void enrollAndChoose()
    {
        QVERIFY(m_scanner->screen() == Scanner::Screen::Enroll);
        const auto code = addDevice(QStringLiteral("Scanner 1"), QStringLiteral("North"));
        QVERIFY(named(QStringLiteral("Server address")));
        QTRY_VERIFY(focusOn(QStringLiteral("Enrollment code")));
        shot(QStringLiteral("gatescanner-enroll.png"));
        type(code.left(4) + QLatin1Char('-') + code.mid(4, 4).toLower() + code.mid(8), false);
        // The Enroll button pressed as a screen reader presses it.
        auto* enroll = named(QStringLiteral("Enroll"));
        QVERIFY(enroll && enroll->actionInterface());
        enroll->actionInterface()->doAction(QAccessibleActionInterface::pressAction());
        QTRY_VERIFY_WITH_TIMEOUT(m_scanner->screen() == Scanner::Screen::ChooseEvent, 10000);
        QTRY_COMPARE(m_scanner->events().size(), 1);
        QCOMPARE(m_scanner->deviceName(), QStringLiteral("Scanner 1"));
        QTRY_VERIFY(named(QStringLiteral("Events")));
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY(m_scanner->screen() == Scanner::Screen::Scan);
        QTRY_VERIFY_WITH_TIMEOUT(m_scanner->ticketListReady(), 10000);
        QTRY_VERIFY(named(QStringLiteral("Handheld scanner input")));
    }

    QString scan(const QString& code)
    {
        m_scanner->dismissResult();
        type(code);
        if (!QTest::qWaitFor([&] { return m_scanner->resultShown(); }, 5000))
            return {};
        return m_scanner->resultKind();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        client::installTranslations(*QCoreApplication::instance(), QStringLiteral("en"));
    }

    void init()
    {
        QVERIFY(m_t.start({QStringLiteral("TICKETING_AUTH_RATE_LIMIT=0")}));
        m_org = m_t.signUp(QStringLiteral("organizer"), QStringLiteral("org@example.com"));
        m_sold = sellForCash(m_t, m_org,
                             {QStringLiteral("MAIN-A-1"), QStringLiteral("MAIN-A-2"),
                              QStringLiteral("MAIN-A-3"), QStringLiteral("MAIN-A-4"),
                              QStringLiteral("MAIN-A-5"), QStringLiteral("MAIN-B-1")},
                             QStringLiteral("box@example.com"));
        QCOMPARE(m_sold.codes.size(), 6);
        m_proxy = std::make_unique<DropProxy>(m_t.server->port());
        QVERIFY(m_proxy->listen());
        QVERIFY(m_dir.isValid());
        QVERIFY(open());
    }

    void cleanup()
    {
        m_engine.reset();
        m_window = nullptr;
        Scanner::setInstance(nullptr);
        m_scanner.reset();
        QDir(m_dir.filePath(QStringLiteral("scanner"))).removeRecursively();
        m_proxy.reset();
        m_t.finish();
    }

    void aWrongCodeIsSaidAndTheScannerEnrollsWithTheRightOne()
    {
        QTRY_VERIFY(focusOn(QStringLiteral("Enrollment code")));
        type(QStringLiteral("ABCDEFGHJKMN"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_scanner->message().isEmpty(), 5000);
        QVERIFY(m_scanner->message().contains(QStringLiteral("new one")));
        QVERIFY(named(m_scanner->message())); // said where a screen reader finds it
        QVERIFY(m_scanner->screen() == Scanner::Screen::Enroll);
        type(QStringLiteral("nonsense"));
        QTRY_VERIFY(m_scanner->message().contains(QStringLiteral("12 letters")));
        // Cleared and typed again: the right code.
        auto* field = qobject_cast<QQuickItem*>(named(QStringLiteral("Enrollment code"))->object());
        field->setProperty("text", QString());
        enrollAndChoose();
        QVERIFY(!m_scanner->tokenWhere().isEmpty());
    }

    // The handheld scanner's path, each result large: valid, again, forged, cancelled, exit;
    // then the network gone: decided here, the badge says so, the queue waits and goes up.
    void eachResultShowsAndTheQueueSurvivesTheNetwork()
    {
        enrollAndChoose();
        QCOMPARE(scan(m_sold.codes[0]), QStringLiteral("admitted"));
        QCOMPARE(m_scanner->resultTitle(), QStringLiteral("Admitted"));
        QCOMPARE(m_scanner->resultDetail(), QStringLiteral("Seat MAIN-A-1, Stalls"));
        QVERIFY(m_scanner->resultNote().isEmpty());
        QVERIFY(named(QStringLiteral("Admitted"))); // the result is an alert a reader hears
        QTRY_COMPARE(m_scanner->admittedHere(), 1);
        shot(QStringLiteral("gatescanner-admitted.png"));

        QCOMPARE(scan(m_sold.codes[0]), QStringLiteral("inside"));
        QCOMPARE(m_scanner->resultTitle(), QStringLiteral("Already inside"));
        QVERIFY(m_scanner->resultDetail().contains(QStringLiteral("North (Scanner 1)")));
        shot(QStringLiteral("gatescanner-already-inside.png"));

        auto forged = m_sold.codes[1];
        forged[12] = forged[12] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        QCOMPARE(scan(forged), QStringLiteral("refused"));
        QCOMPARE(m_scanner->resultTitle(), QStringLiteral("Refused: not a valid ticket"));
        shot(QStringLiteral("gatescanner-refused-forged.png"));

        QTest::keyClick(m_window, Qt::Key_F3); // exit
        QVERIFY(m_scanner->exitMode());
        QCOMPARE(scan(m_sold.codes[0]), QStringLiteral("exited"));
        shot(QStringLiteral("gatescanner-exited.png"));
        QTest::keyClick(m_window, Qt::Key_F2);
        QVERIFY(!m_scanner->exitMode());

        // The booking cancelled at the box office: every ticket of it is refused.
        QCOMPARE(m_t.http
                     ->send("DELETE", QStringLiteral("/api/v1/bookings/") + m_sold.booking, {},
                            bearer(m_sold.box))
                     .status,
                 200);
        QCOMPARE(scan(m_sold.codes[2]), QStringLiteral("refused"));
        QCOMPARE(m_scanner->resultTitle(), QStringLiteral("Refused: cancelled ticket"));
        shot(QStringLiteral("gatescanner-refused-cancelled.png"));

        // Every control has a name a screen reader says.
        QList<QAccessibleInterface*> all;
        collect(QAccessible::queryAccessibleInterface(m_window), all);
        int controls = 0;
        for (auto* a : all)
            if (interactive(a->role()) && !a->state().invisible) {
                ++controls;
                QVERIFY2(
                    !a->text(QAccessible::Name).trimmed().isEmpty(),
                    qPrintable(
                        QStringLiteral("a control without a name, role %1").arg(int(a->role()))));
            }
        QVERIFY(controls >= 4); // Change event, Entry, Exit, the handheld scanner's field

        // The network gone: the server's silence, then this device decides, says so, and
        // the badge shows the scans waiting. (The booking was cancelled: these tickets are
        // refused, offline too, as the bundle told the device.)
        const auto now = std::chrono::system_clock::now();
        QTRY_VERIFY_WITH_TIMEOUT(
            m_scanner->store()
                    ->decide(m_sold.codes[3].toStdString(), domain::Direction::Entry, now)
                    .outcome == domain::ScanOutcome::Revoked,
            5000); // the next bundle carried the cancellation
        m_proxy->setDown(true);
        QTRY_VERIFY_WITH_TIMEOUT(!m_scanner->online(), 10000);
        QCOMPARE(scan(m_sold.codes[3]), QStringLiteral("refused"));
        QVERIFY(!m_scanner->resultNote().isEmpty());
        QCOMPARE(scan(m_sold.codes[0]), QStringLiteral("refused"));
        QCOMPARE(m_scanner->waiting(), 2);
        QVERIFY(m_scanner->statusText().contains(QStringLiteral("Offline")));
        QVERIFY(m_scanner->statusText().contains(QStringLiteral("2 scans")));
        m_scanner->dismissResult();
        shot(QStringLiteral("gatescanner-offline.png"));
        m_proxy->setDown(false);
        QTRY_COMPARE_WITH_TIMEOUT(m_scanner->waiting(), 0, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(m_scanner->online(), 10000);
    }

    // German: the words of each screen from the catalogue built into the app.
    void theScannerSpeaksGerman()
    {
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(":/i18n/ticketing_de.qm")));
        QCoreApplication::installTranslator(&german);
        const auto restore = qScopeGuard([&] { QCoreApplication::removeTranslator(&german); });
        m_engine->retranslate();
        QTRY_VERIFY(named(QStringLiteral("Registrierungscode")));
        const auto code = addDevice(QStringLiteral("Scanner 2"), QStringLiteral("Süd"));
        QTRY_VERIFY(focusOn(QStringLiteral("Registrierungscode")));
        type(code);
        QTRY_VERIFY_WITH_TIMEOUT(m_scanner->screen() == Scanner::Screen::ChooseEvent, 10000);
        QTRY_COMPARE(m_scanner->events().size(), 1);
        m_scanner->chooseEvent(0);
        QTRY_VERIFY_WITH_TIMEOUT(m_scanner->ticketListReady(), 10000);
        QTRY_VERIFY(named(QStringLiteral("Eingabe des Handscanners")));
        QCOMPARE(scan(m_sold.codes[4]), QStringLiteral("admitted"));
        QCOMPARE(m_scanner->resultTitle(), QStringLiteral("Eingelassen"));
        QCOMPARE(m_scanner->resultDetail(), QStringLiteral("Platz MAIN-A-5, Stalls"));
        shot(QStringLiteral("gatescanner-admitted-de.png"));
    }
};

QTEST_MAIN(TestGateScanner)
#include "TestGateScanner.moc"
