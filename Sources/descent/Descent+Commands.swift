import ArgumentParser

extension Descent {
    /// The subcommands, one file each.
    static let commands: [ParsableCommand.Type] = [Trace.self, Race.self, Train.self, Compare.self, Lab.self, Serve.self, Bench.self]
}
