#pragma once

#include <QObject>
#include <QString>
#include <functional>
#include <optional>

namespace ticketing::gate {

// Where a scanner keeps its device token (issue 16): the system keychain (QtKeychain) where
// there is one; on a kiosk without one, a file readable only by the app's user (0600) beside the
// OfflineStore, and `where()` says which. The token never expires; whoever holds it can scan
// for the organizer, so it is never written anywhere else (not in the store, not in settings).
// Keychain jobs have no parent (see client::Session); the context of their connections is this.
class DeviceToken final : public QObject
{
    Q_OBJECT

public:
    // `file`: the fallback's path; `entry`: the keychain entry's name (the device id).
    DeviceToken(QString file, QObject* parent = nullptr);

    enum class Where
    {
        Nowhere,
        Keychain,
        File
    };
    Where where() const { return m_where; }

    void keep(const QString& deviceId, const QString& token, std::function<void(bool)> done);
    void read(const QString& deviceId, std::function<void(std::optional<QString>)> done);
    void forget(const QString& deviceId, std::function<void()> done);

private:
    bool writeFile(const QString& token);
    std::optional<QString> readFile() const;

    QString m_file;
    Where m_where = Where::Nowhere;
};

} // namespace ticketing::gate
