import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite("descent compare (CLI)")
struct CompareCLITests {
    @Test("writes losses.csv, losses.svg and summary.json; every run starts from the same loss")
    func compare() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = try TrainingFixtures.regressionCSV(in: folder)
        let output = folder.appendingPathComponent("out")
        let r = try CLI.run(["compare", "--dataset", csv.path, "--model", "linear", "--batch-size", "8",
                             "--iterations", "20", "--optimizer", "sgd(lr=0.1)", "--optimizer", "adam(lr=0.05)",
                             "--output", output.path, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        for key in ["dataset", "model", "batch_size", "sampling", "seed", "schedule", "length", "runs"] {
            #expect(summary.keys.contains(key), "missing \(key)")
        }
        let runs = try #require(summary["runs"] as? [[String: Any]])
        #expect(runs.map { $0["label"] as? String } == ["SGD(lr=0.1)", "Adam(lr=0.05)"])
        #expect(runs.allSatisfy { $0["steps"] as? Int == 20 && $0["final_train_loss"] is Double })
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(files == ["losses.csv", "losses.svg", "summary.json"])
        let rows = try String(contentsOf: output.appendingPathComponent("losses.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.first == ["step", "SGD(lr=0.1)", "Adam(lr=0.05)"])
        #expect(rows.count == 21)
        #expect(rows[1][1] == rows[1][2], "both runs start from the same weights on the same batch")
        let svg = try Data(contentsOf: output.appendingPathComponent("losses.svg"))
        let parser = XMLParser(data: svg)
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    }

    @Test("a run that diverges is reported; the others finish and the command succeeds")
    func divergence() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = try TrainingFixtures.regressionCSV(in: folder)
        let r = try CLI.run(["compare", "--dataset", csv.path, "--model", "linear", "--batch-size", "8",
                             "--iterations", "200", "--optimizer", "sgd(lr=1e6)", "--optimizer", "sgd(lr=0.1)",
                             "--output", folder.appendingPathComponent("out").path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("warning:") && r.stderr.contains("diverged"), "\(r.stderr)")
        #expect(r.stdout.contains("diverged at step"), "\(r.stdout)")
    }

    @Test("bad arguments exit 2 naming the option", arguments: [
        (["--optimizer", "adamz"], "--optimizer"),
        ([], "--optimizer"),
        (["--optimizer", "adam", "--model", "mlp:0"], "--model"),
        (["--optimizer", "adam", "--dataset", "/nonexistent/x.csv"], "--dataset"),
    ])
    func badArguments(_ extra: [String], _ mention: String) throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = try TrainingFixtures.regressionCSV(in: folder)
        var args = ["compare", "--dataset", csv.path, "--model", "linear", "--iterations", "3",
                    "--output", folder.appendingPathComponent("out").path]
        for pair in stride(from: 0, to: extra.count, by: 2) {
            if let i = args.firstIndex(of: extra[pair]) { args[i + 1] = extra[pair + 1] } else { args += [extra[pair], extra[pair + 1]] }
        }
        let r = try CLI.run(args)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains(mention), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }
}
