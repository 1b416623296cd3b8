#include "outbound/HttpClient.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <curl/curl.h>
#include <mutex>

namespace ticketing::outbound {

const std::string* Response::header(const std::string& lowerName) const
{
    for (const auto& [name, value] : headers)
        if (name == lowerName)
            return &value;
    return nullptr;
}

namespace {

void initialiseCurlOnce()
{
    static const bool done = [] { return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; }();
    if (!done)
        throw Error(Error::Kind::Other, "libcurl could not be initialised");
}

// A header field we send: a token for its name, and nothing in its value that would end it
// (a CR or LF there would let the value start a header, or a request, of its own).
bool validHeader(const std::string& name, const std::string& value)
{
    if (name.empty())
        return false;
    for (unsigned char c : name)
        if (!std::isalnum(c) && std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) ==
                                    std::string_view::npos)
            return false;
    return std::none_of(value.begin(), value.end(),
                        [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
}

struct Exchange
{
    Response response;
    std::size_t limit = 0;
    bool tooLarge = false;
};

std::size_t onBody(char* data, std::size_t size, std::size_t count, void* user)
{
    auto& x = *static_cast<Exchange*>(user);
    const auto n = size * count;
    if (x.response.body.size() + n > x.limit) {
        x.tooLarge = true;
        return 0; // libcurl stops with CURLE_WRITE_ERROR
    }
    x.response.body.append(data, n);
    return n;
}

std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* user)
{
    auto& x = *static_cast<Exchange*>(user);
    const auto n = size * count;
    std::string_view line(data, n);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
        line.remove_suffix(1);
    if (line.substr(0, 5) == "HTTP/") {
        x.response.headers.clear(); // a new answer (after a 100 Continue, say)
        return n;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos)
        return n;
    std::string name(line.substr(0, colon));
    for (auto& ch : name)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    auto value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
        value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t'))
        value.remove_suffix(1);
    x.response.headers.emplace_back(std::move(name), std::string(value));
    return n;
}

Error::Kind kindOf(CURLcode code)
{
    switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
        return Error::Kind::Timeout;
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_GOT_NOTHING:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_PROXY:
        return Error::Kind::Unreachable;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        return Error::Kind::Tls;
    case CURLE_FILESIZE_EXCEEDED:
        return Error::Kind::TooLarge;
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
        return Error::Kind::Invalid;
    default:
        return Error::Kind::Other;
    }
}

} // namespace

// Idle easy handles, newest last: a call takes the one used most recently, whose connection to
// the provider is the likeliest to be open still. The share holds what all handles may use at
// once (DNS answers, TLS sessions); libcurl does not support sharing connections themselves
// between threads, so those stay with their handle.
struct HttpClient::Pool
{
    CURLSH* share = nullptr;
    std::array<std::mutex, CURL_LOCK_DATA_LAST> locks;
    std::mutex idleMutex;
    std::vector<CURL*> idle;

    static void lock(CURL*, curl_lock_data data, curl_lock_access, void* user)
    {
        static_cast<Pool*>(user)->locks.at(static_cast<std::size_t>(data)).lock();
    }
    static void unlock(CURL*, curl_lock_data data, void* user)
    {
        static_cast<Pool*>(user)->locks.at(static_cast<std::size_t>(data)).unlock();
    }

    Pool()
    {
        share = curl_share_init();
        if (!share)
            throw Error(Error::Kind::Other, "libcurl could not make a share");
        curl_share_setopt(share, CURLSHOPT_LOCKFUNC, &Pool::lock);
        curl_share_setopt(share, CURLSHOPT_UNLOCKFUNC, &Pool::unlock);
        curl_share_setopt(share, CURLSHOPT_USERDATA, this);
        curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
        curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
    }
    ~Pool()
    {
        for (auto* h : idle)
            curl_easy_cleanup(h);
        curl_share_cleanup(share);
    }

    CURL* take()
    {
        {
            std::lock_guard lock(idleMutex);
            if (!idle.empty()) {
                auto* h = idle.back();
                idle.pop_back();
                return h;
            }
        }
        auto* h = curl_easy_init();
        if (!h)
            throw Error(Error::Kind::Other, "libcurl could not make a handle");
        return h;
    }
    void give(CURL* h, std::size_t maxIdle)
    {
        {
            std::lock_guard lock(idleMutex);
            if (idle.size() < maxIdle) {
                idle.push_back(h);
                return;
            }
        }
        curl_easy_cleanup(h);
    }
};

HttpClient::HttpClient(Options options) : m_options(std::move(options))
{
    initialiseCurlOnce();
    m_pool = std::make_unique<Pool>();
}

HttpClient::~HttpClient() = default;

Response HttpClient::fetch(const std::string& method, const std::string& url,
                           const std::vector<std::pair<std::string, std::string>>& headers,
                           const std::string& body, std::chrono::milliseconds timeout)
{
    const auto context = method + " " + url + ": ";
    curl_slist* list = nullptr;
    // An empty Expect: no "100-continue" round trip before a larger body.
    list = curl_slist_append(list, "Expect:");
    for (const auto& [name, value] : headers) {
        if (!validHeader(name, value)) {
            curl_slist_free_all(list);
            throw Error(Error::Kind::Invalid, context + "the header " + name + " cannot be sent");
        }
        list = curl_slist_append(list, (name + ": " + value).c_str());
    }
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headerList(list,
                                                                           &curl_slist_free_all);

    auto* h = m_pool->take();
    // Options go back to their defaults; the handle's open connections stay.
    curl_easy_reset(h);
    Exchange x;
    x.limit = m_options.maxResponseBytes;
    std::array<char, CURL_ERROR_SIZE> detail{};
    const auto deadline = std::max<long>(1, static_cast<long>(timeout.count()));
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_SHARE, m_pool->share);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L); // many threads: no SIGALRM for DNS timeouts
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, deadline);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS,
                     std::min<long>(deadline, static_cast<long>(m_options.connectTimeout.count())));
    curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!m_options.caFile.empty())
        curl_easy_setopt(h, CURLOPT_CAINFO, m_options.caFile.c_str());
    curl_easy_setopt(h, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L); // a proxy's own answer is not ours
    curl_easy_setopt(h, CURLOPT_USERAGENT, m_options.userAgent.c_str());
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headerList.get());
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE,
                     static_cast<curl_off_t>(m_options.maxResponseBytes));
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &onBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &x);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &onHeader);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &x);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, detail.data());
    if (method == "GET") {
        curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    } else if (method == "HEAD") {
        curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
    } else {
        // The body is sent as it is, also when empty (Content-Length: 0).
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.data());
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
        if (method != "POST")
            curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method.c_str());
    }

    const auto code = curl_easy_perform(h);
    long status = 0;
    long connects = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_getinfo(h, CURLINFO_NUM_CONNECTS, &connects);
    // Not to be used by the next call: it points into this frame.
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, nullptr);
    m_pool->give(h, m_options.maxIdleHandles);

    if (code != CURLE_OK) {
        const auto kind = x.tooLarge ? Error::Kind::TooLarge : kindOf(code);
        std::string why = detail[0] ? std::string(detail.data()) : curl_easy_strerror(code);
        if (kind == Error::Kind::TooLarge)
            why = "the answer is larger than " + std::to_string(m_options.maxResponseBytes) +
                  " bytes";
        throw Error(kind, context + why);
    }
    x.response.status = static_cast<int>(status);
    x.response.reusedConnection = connects == 0;
    return std::move(x.response);
}

} // namespace ticketing::outbound
