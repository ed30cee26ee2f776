import ArgumentParser
import Foundation
import Plot
import TensorCore

/// `descent`: gradient-descent optimizers you can trust, train with and watch.
@main
struct Descent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "descent",
        abstract: "Gradient-descent optimizers with torch.optim's numbers: trace, race, train, compare, lab, serve, bench.",
        version: "0.1.0",
        subcommands: Descent.commands)

    /// Parses, runs, and maps every error to a message and an exit status: 0 for help, 2 for a
    /// bad argument (named in the message), 1 for a run that fails on bad data. Never a stack trace.
    static func main() {
        // OpenBLAS picks its slow generic kernels on CPUs it does not recognise; relaunch with the
        // right ones (a no-op when it chose well or OPENBLAS_CORETYPE is set).
        BLASConfiguration.relaunchWithRecommendedCoreTypeIfNeeded()
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            if exitCode(for: error).isSuccess { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
        do {
            try command.run()
        } catch let failure as RunFailure {
            FileHandle.standardError.write(Data("error: \(failure.message)\n".utf8))
            Foundation.exit(failure.status)
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is CleanExit {
                exit(withError: error)
            }
            if error is ExitCode { exit(withError: error) }
            let message = (error as? ValidationError)?.message ?? "\(error)"
            FileHandle.standardError.write(Data("error: \(message)\n".utf8))
            Foundation.exit(2)
        }
    }
}

/// A run that failed after its arguments were accepted (bad data, divergence): status 1.
struct RunFailure: Error {
    var message: String
    var status: Int32 = 1
}

/// Writes text to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Writes `text` to `path` through a temporary file and a rename (Plot's `AtomicFile`), so a
/// reader never sees a half-written file; a failure is a run failure naming the path.
func writeAtomically(_ text: String, to path: String) throws {
    do {
        try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: path))
    } catch {
        throw RunFailure(message: "cannot write \(path): \(error)")
    }
}
