#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace ticketing::app {

struct SpawnOptions
{
    std::vector<std::string> argv;        // argv[0] is the absolute path of the program
    std::optional<std::string> runAsUser; // switch to this system user (we must be root)
    std::string logFile;                  // stdout and stderr, appended; empty: /dev/null
    std::string workingDirectory = "/";
    // Sent to the child by the kernel when ticketd dies, even by SIGKILL or a crash, so that
    // no orphaned server outlives it (prctl PR_SET_PDEATHSIG). The kernel sends it when the
    // *thread* that spawned the child ends: spawn from a thread that lives as long as the child
    // should (the main thread, or the supervisor, which ends only at shutdown).
    int deathSignal = 15; // SIGTERM
};

// A child process that ticketd owns: started in its own process group (a Ctrl-C meant for
// ticketd does not reach it; ticketd stops it in order), stopped by its PID.
class ChildProcess
{
public:
    ChildProcess() = default;
    static ChildProcess spawn(const SpawnOptions& options); // throws std::runtime_error
    ChildProcess(ChildProcess&& other) noexcept;
    ChildProcess& operator=(ChildProcess&& other) noexcept;
    ~ChildProcess(); // stops it if still running (SIGTERM, then SIGKILL)

    pid_t pid() const { return m_pid; }
    bool running();
    // The wait status once running() has returned false.
    int exitStatus() const { return m_status; }
    // Sends `signal`, waits up to `timeout`, then SIGKILL. Returns the exit status.
    int stop(int signal, std::chrono::milliseconds timeout);

private:
    pid_t m_pid = -1;
    bool m_reaped = true;
    int m_status = 0;
};

// "exited with code 1", "killed by signal 9".
std::string describeStatus(int waitStatus);

// Runs a program to its end and returns its exit code; its output goes to options.logFile.
int runToCompletion(const SpawnOptions& options);

// The last `lines` lines of a text file (for error messages that point at a server's log).
std::string tailFile(const std::string& path, int lines);

} // namespace ticketing::app
