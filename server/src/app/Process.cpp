#include "app/Process.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <fstream>
#include <grp.h>
#include <pwd.h>
#include <stdexcept>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace ticketing::app {

ChildProcess ChildProcess::spawn(const SpawnOptions& o)
{
    if (o.argv.empty())
        throw std::invalid_argument("spawn: no program");
    // Everything the child needs is prepared before fork(): between fork and exec only
    // async-signal-safe calls are allowed (ticketd may already have threads).
    std::vector<char*> argv;
    for (const auto& a : o.argv)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    uid_t uid = 0;
    gid_t gid = 0;
    if (o.runAsUser) {
        const passwd* pw = getpwnam(o.runAsUser->c_str());
        if (!pw)
            throw std::runtime_error("the system user \"" + *o.runAsUser + "\" does not exist");
        uid = pw->pw_uid;
        gid = pw->pw_gid;
    }
    const int outFd = o.logFile.empty() ? open("/dev/null", O_WRONLY | O_CLOEXEC)
                                        : open(o.logFile.c_str(),
                                               O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
    if (outFd < 0)
        throw std::runtime_error("cannot open " + o.logFile + ": " + std::strerror(errno));
    if (o.runAsUser && fchown(outFd, uid, gid) != 0 && !o.logFile.empty()) {
        // not fatal: the child writes through the inherited descriptor anyway
    }
    const int nullFd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    const pid_t parent = getpid();

    const pid_t pid = fork();
    if (pid < 0) {
        close(outFd);
        close(nullFd);
        throw std::runtime_error(std::string("fork failed: ") + std::strerror(errno));
    }
    if (pid == 0) {
        setpgid(0, 0);
        dup2(nullFd, STDIN_FILENO);
        dup2(outFd, STDOUT_FILENO);
        dup2(outFd, STDERR_FILENO);
        close_range(3, ~0U, 0);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, nullptr);
        if (o.runAsUser) {
            if (setgroups(1, &gid) != 0 || setgid(gid) != 0 || setuid(uid) != 0)
                _exit(126);
        }
        // After the uid change: changing credentials clears the death signal.
        prctl(PR_SET_PDEATHSIG, o.deathSignal);
        if (getppid() != parent)
            _exit(125); // ticketd died before we got here
        if (chdir(o.workingDirectory.c_str()) != 0)
            _exit(124);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(outFd);
    close(nullFd);
    ChildProcess child;
    child.m_pid = pid;
    child.m_reaped = false;
    return child;
}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : m_pid(other.m_pid), m_reaped(other.m_reaped), m_status(other.m_status)
{
    other.m_pid = -1;
    other.m_reaped = true;
}

ChildProcess& ChildProcess::operator=(ChildProcess&& other) noexcept
{
    if (this != &other) {
        if (!m_reaped)
            stop(SIGTERM, std::chrono::seconds(10));
        m_pid = other.m_pid;
        m_reaped = other.m_reaped;
        m_status = other.m_status;
        other.m_pid = -1;
        other.m_reaped = true;
    }
    return *this;
}

ChildProcess::~ChildProcess()
{
    if (!m_reaped)
        stop(SIGTERM, std::chrono::seconds(10));
}

bool ChildProcess::running()
{
    if (m_reaped)
        return false;
    int status = 0;
    const pid_t r = waitpid(m_pid, &status, WNOHANG);
    if (r == m_pid || (r < 0 && errno == ECHILD)) {
        m_reaped = true;
        m_status = status;
        return false;
    }
    return true;
}

int ChildProcess::stop(int signal, std::chrono::milliseconds timeout)
{
    if (!running())
        return m_status;
    kill(m_pid, signal);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (running()) {
        if (std::chrono::steady_clock::now() > deadline) {
            kill(m_pid, SIGKILL);
            int status = 0;
            waitpid(m_pid, &status, 0);
            m_reaped = true;
            m_status = status;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return m_status;
}

std::string describeStatus(int status)
{
    if (WIFEXITED(status))
        return "exited with code " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return "killed by signal " + std::to_string(WTERMSIG(status));
    return "stopped (status " + std::to_string(status) + ")";
}

int runToCompletion(const SpawnOptions& options)
{
    auto child = ChildProcess::spawn(options);
    while (child.running())
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const int status = child.stop(SIGKILL, std::chrono::milliseconds(0));
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string tailFile(const std::string& path, int lines)
{
    std::ifstream in(path);
    std::deque<std::string> last;
    std::string line;
    while (std::getline(in, line)) {
        last.push_back(line);
        if (static_cast<int>(last.size()) > lines)
            last.pop_front();
    }
    std::string out;
    for (const auto& l : last)
        out += "    " + l + "\n";
    return out;
}

} // namespace ticketing::app
