import Foundation
import Testing

@Suite("descent train (CLI)")
struct TrainCLITests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("trains a linear model on a CSV and prints the summary JSON")
    func summary() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = try TrainingFixtures.regressionCSV(in: folder)
        let log = folder.appendingPathComponent("run.jsonl")
        let r = try CLI.run(["train", "--dataset", csv.path, "--model", "linear", "--optimizer", "sgd(lr=0.1)",
                             "--batch-size", "8", "--iterations", "25", "--log", log.path, "--log-every", "5"])
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try Self.json(r.stdout)
        for key in ["dataset", "model", "optimizer", "steps", "seconds", "steps_per_second", "final_train_loss",
                    "test_loss", "log"] {
            #expect(summary[key] != nil, "missing \(key) in \(r.stdout)")
        }
        #expect(summary["test_accuracy"] == nil, "a regression summary has no accuracy")
        #expect(summary["model"] as? String == "linear")
        #expect(summary["optimizer"] as? String == "sgd(lr=0.1)")
        #expect(summary["steps"] as? Int == 25)
        let loss = try #require(summary["final_train_loss"] as? Double)
        #expect(loss < 0.5, "y = 2x1 − x2 + 0.5 is linear; 25 steps bring the loss down, got \(loss)")
        let logged = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(logged.count == 5 && logged.last?.hasPrefix("{\"step\": 25,") == true)
    }

    @Test("a CSV with class labels reports the test accuracy key")
    func classification() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = "a,b,label\n"
        for i in 0..<30 { text += "\(Double(i % 5)),\(Double(i % 3)),\(i % 5 > 1 ? 1 : 0)\n" }
        let csv = folder.appendingPathComponent("classes.csv")
        try Data(text.utf8).write(to: csv)
        let r = try CLI.run(["train", "--dataset", csv.path, "--csv-target", "classification", "--model", "mlp:8",
                             "--optimizer", "adam(lr=0.05)", "--batch-size", "10", "--epochs", "3"])
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try Self.json(r.stdout)
        #expect(summary.keys.contains("test_accuracy") && summary["steps"] as? Int == 9)
    }

    @Test("a bad --model, --optimizer or --dataset exits 2 naming the option", arguments: [
        ("--model", "cnn:3"), ("--optimizer", "adamz(lr=0.1)"), ("--optimizer", "sgd(lr=-1)"), ("--dataset", "/nonexistent/data.csv"),
    ])
    func badArgument(_ option: String, _ value: String) throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var arguments = ["--dataset": try TrainingFixtures.regressionCSV(in: folder).path, "--model": "linear",
                         "--optimizer": "sgd(lr=0.1)"]
        arguments[option] = value
        let r = try CLI.run(["train", "--iterations", "3"] + arguments.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] })
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains(option), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(!r.stderr.contains("Stack trace") && !r.stderr.contains("Fatal error"))
    }

    @Test("a corrupt CSV exits 1 naming the file and the line")
    func corruptCSV() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = try TrainingFixtures.corruptCSV(in: folder)
        let r = try CLI.run(["train", "--dataset", csv.path, "--model", "linear", "--optimizer", "sgd(lr=0.1)", "--iterations", "3"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains(csv.path + ":4"), "\(r.stderr)")
        #expect(r.stderr.contains("'abc'"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test("a run checkpointed mid-epoch and resumed ends with the straight run's loss")
    func checkpointAndResume() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = try TrainingFixtures.regressionCSV(in: folder).path
        let checkpoint = folder.appendingPathComponent("run.ckpt").path
        let common = ["train", "--dataset", csv, "--model", "mlp:6", "--optimizer", "adam(lr=0.02)", "--batch-size", "8",
                      "--seed", "3"]
        let straight = try CLI.run(common + ["--iterations", "30"])
        #expect(straight.status == 0, "\(straight.stderr)")
        let first = try CLI.run(common + ["--iterations", "13", "--checkpoint", checkpoint])
        #expect(first.status == 0, "\(first.stderr)")
        let resumed = try CLI.run(common + ["--iterations", "30", "--resume", checkpoint])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let a = try Self.json(straight.stdout), b = try Self.json(resumed.stdout)
        #expect(b["resumed_from"] as? Int == 13 && b["steps"] as? Int == 30)
        let straightLoss = try #require(a["final_train_loss"] as? Double)
        #expect(b["final_train_loss"] as? Double == straightLoss)
        #expect(b["last_batch_loss"] as? Double == a["last_batch_loss"] as? Double)
        let otherSeed = try CLI.run(["train", "--dataset", csv, "--model", "mlp:6", "--optimizer", "adam(lr=0.02)",
                                     "--batch-size", "8", "--seed", "4", "--iterations", "30", "--resume", checkpoint])
        #expect(otherSeed.status == 1 && otherSeed.stderr.contains(checkpoint) && otherSeed.stderr.contains("seed"),
                "\(otherSeed.stderr)")
    }
}
