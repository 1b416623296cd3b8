#include "outbound/Smtp.h"

#include <algorithm>
#include <cstring>
#include <curl/curl.h>
#include <memory>

namespace ticketing::outbound {

namespace {
struct Upload
{
    const std::string* text = nullptr;
    std::size_t at = 0;
};

std::size_t onRead(char* buffer, std::size_t size, std::size_t count, void* user)
{
    auto& u = *static_cast<Upload*>(user);
    const auto n = std::min(size * count, u.text->size() - u.at);
    std::memcpy(buffer, u.text->data() + u.at, n);
    u.at += n;
    return n;
}

// An address for the SMTP envelope: <addr>, refusing what could break the command line.
std::optional<std::string> envelope(const std::string& address)
{
    if (address.empty() || address.find_first_of("\r\n<>\0 ", 0, 6) != std::string::npos)
        return std::nullopt;
    return "<" + address + ">";
}
} // namespace

std::optional<SmtpFailure> sendMail(const SmtpOptions& options, const std::string& from,
                                    const std::string& to, const std::string& message)
{
    static const bool ready = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
    if (!ready)
        return SmtpFailure{"libcurl could not be initialised", false};
    if (options.url.rfind("smtp://", 0) != 0 && options.url.rfind("smtps://", 0) != 0)
        return SmtpFailure{"the mail server's URL must start with smtp:// or smtps://", true};
    const auto sender = envelope(from);
    const auto recipient = envelope(to);
    if (!sender || !recipient)
        return SmtpFailure{"not an address for mail: " + (sender ? to : from), true};

    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl)
        return SmtpFailure{"libcurl could not make a handle", false};
    curl_slist* rcpt = curl_slist_append(nullptr, recipient->c_str());
    const std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> rcptGuard(
        rcpt, curl_slist_free_all);
    Upload upload{&message, 0};
    char errors[CURL_ERROR_SIZE] = {};
    CURL* h = curl.get();
    curl_easy_setopt(h, CURLOPT_URL, options.url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(h, CURLOPT_MAIL_FROM, sender->c_str());
    curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(h, CURLOPT_READFUNCTION, onRead);
    curl_easy_setopt(h, CURLOPT_READDATA, &upload);
    curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
    // STARTTLS when the server offers it; with smtps:// TLS is there from the start.
    curl_easy_setopt(h, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options.caFile.empty())
        curl_easy_setopt(h, CURLOPT_CAINFO, options.caFile.c_str());
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout.count()));
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, 10000L);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errors);
    const auto code = curl_easy_perform(h);
    if (code == CURLE_OK)
        return std::nullopt;
    long reply = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply);
    std::string what = errors[0] ? errors : curl_easy_strerror(code);
    if (reply > 0)
        what += " (the server said " + std::to_string(reply) + ")";
    return SmtpFailure{what, reply >= 500 && reply < 600};
}

} // namespace ticketing::outbound
