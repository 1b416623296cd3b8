// ticketd: thin entry point; everything lives in the ticketd_* libraries so tests link them.
#include "app/App.h"
#include "config/Config.h"

#include <cstdio>
#include <cstdlib>
#include <malloc.h>
#include <string>
#include <sys/resource.h>

namespace {
// 1,000 keep-alive clients need more descriptors than the usual soft limit of 1,024.
void raiseFileLimit()
{
    rlimit r{};
    if (getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur < r.rlim_max) {
        r.rlim_cur = r.rlim_max;
        setrlimit(RLIMIT_NOFILE, &r);
    }
}

const char* environment(const char* name)
{
    return std::getenv(name);
}
} // namespace

int main(int argc, char** argv)
{
    // Buffers of a megabyte or more (a stadium's seat map, a bundle) come from mmap and go back
    // to the system when freed; without this glibc raises the threshold after the first such
    // free and keeps the next ones in its heap.
    ::mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
    // Sub-commands take flags of their own ("user add --email ..."); the server takes none.
    const bool subCommand = argc > 1 && std::string(argv[1]) == "user";
    auto parsed = ticketing::config::parse(argc, argv, environment, subCommand);
    if (parsed.help) {
        std::fputs(ticketing::config::helpText().c_str(), stdout);
        return 0;
    }
    if (parsed.version) {
        std::puts("ticketd " TICKETD_VERSION);
        return 0;
    }
    if (!parsed.error.empty()) {
        std::fprintf(stderr, "ticketd: %s\n", parsed.error.c_str());
        return 2;
    }
    raiseFileLimit();
    const auto& words = parsed.positional;
    if (words.empty() || words[0] == "serve")
        return ticketing::app::runServer(parsed.config);
    if (words[0] == "migrate")
        return ticketing::app::runMigrate(parsed.config);
    if (words[0] == "user" && words.size() == 2 && words[1] == "add")
        return ticketing::app::runUserAdd(parsed.config, parsed.extraFlags);
    std::fprintf(stderr, "ticketd: unknown command \"%s\" (see --help)\n", words[0].c_str());
    return 2;
}
