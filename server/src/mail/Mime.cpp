#include "mail/Mime.h"

#include <ctime>
#include <sodium.h>

namespace ticketing::mail {

namespace {
std::string base64(std::string_view data)
{
    std::string out(sodium_base64_encoded_len(data.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(data.data()),
                      data.size(), sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1); // the terminating NUL
    return out;
}

bool plainAscii(std::string_view s)
{
    for (unsigned char c : s)
        if (c < 0x20 || c > 0x7e)
            return false;
    return true;
}

void header(std::string& out, std::string_view name, std::string_view value)
{
    out.append(name).append(": ").append(value).append("\r\n");
}

// A leaf part: its headers, a blank line, its bytes in base64.
void leaf(std::string& out, const std::string& boundary, std::string_view type,
          std::string_view data, std::string_view extraHeaders = {})
{
    out += "--" + boundary + "\r\n";
    header(out, "Content-Type", type);
    header(out, "Content-Transfer-Encoding", "base64");
    out.append(extraHeaders);
    out += "\r\n";
    out += base64Lines(data);
}
} // namespace

std::string base64Lines(std::string_view data)
{
    const auto text = base64(data);
    std::string out;
    out.reserve(text.size() + text.size() / 76 * 2 + 2);
    for (std::size_t at = 0; at < text.size(); at += 76)
        out.append(text, at, 76).append("\r\n");
    return out;
}

std::string encodeHeader(std::string_view utf8)
{
    std::string clean;
    for (char c : utf8)
        if (c != '\r' && c != '\n')
            clean += c;
    if (plainAscii(clean))
        return clean;
    // Encoded words of at most 75 characters: 45 bytes of UTF-8 each, cut between characters.
    std::string out;
    std::size_t at = 0;
    while (at < clean.size()) {
        std::size_t end = std::min(clean.size(), at + 45);
        while (end < clean.size() && end > at &&
               (static_cast<unsigned char>(clean[end]) & 0xC0) == 0x80)
            --end;
        if (!out.empty())
            out += "\r\n ";
        out += "=?UTF-8?B?" + base64(std::string_view(clean).substr(at, end - at)) + "?=";
        at = end;
    }
    return out;
}

std::string rfc5322Date(domain::Clock::TimePoint t)
{
    const std::time_t secs =
        std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
    std::tm tm{};
    gmtime_r(&secs, &tm);
    static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday],
                  tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                  tm.tm_sec);
    return buffer;
}

std::string escapeHtml(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string compose(const Message& m)
{
    // Base64 never contains '=' followed by '_', so these cannot appear in a part's body.
    const std::string mixed = "=_mixed_" + std::to_string(m.messageId.size()) + "_part";
    const std::string related = "=_related_part";
    const std::string alternative = "=_alternative_part";
    std::string out;
    header(out, "From", encodeHeader(m.from));
    header(out, "To", encodeHeader(m.to));
    header(out, "Subject", encodeHeader(m.subject));
    header(out, "Date", rfc5322Date(m.date));
    header(out, "Message-ID", encodeHeader(m.messageId));
    header(out, "MIME-Version", "1.0");
    header(out, "Auto-Submitted", "auto-generated");
    header(out, "Content-Type", "multipart/mixed; boundary=\"" + mixed + "\"");
    out += "\r\n";

    out += "--" + mixed + "\r\n";
    header(out, "Content-Type",
           "multipart/related; type=\"multipart/alternative\"; boundary=\"" + related + "\"");
    out += "\r\n";
    out += "--" + related + "\r\n";
    header(out, "Content-Type", "multipart/alternative; boundary=\"" + alternative + "\"");
    out += "\r\n";
    leaf(out, alternative, "text/plain; charset=utf-8", m.text);
    leaf(out, alternative, "text/html; charset=utf-8", m.html);
    out += "--" + alternative + "--\r\n";
    for (const auto& p : m.inlines)
        leaf(out, related, p.contentType, p.data,
             "Content-ID: <" + encodeHeader(p.contentId) + ">\r\nContent-Disposition: inline\r\n");
    out += "--" + related + "--\r\n";
    for (const auto& p : m.attachments)
        leaf(out, mixed, p.contentType, p.data,
             "Content-Disposition: attachment; filename=\"" + encodeHeader(p.filename) + "\"\r\n");
    out += "--" + mixed + "--\r\n";
    return out;
}

} // namespace ticketing::mail
