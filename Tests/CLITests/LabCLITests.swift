import Foundation
import Testing

@Suite("descent lab (CLI)")
struct LabCLITests {
    @Test("momentum prints d2l's lines and writes its figures and numbers into a new folder")
    func momentum() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("made/here")
        let r = try CLI.run(["lab", "momentum", "--output", output.path])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("epoch 20, x1: -0.943467, x2: -0.000073"))
        #expect(lines.contains("epoch 20, x1: -0.387814, x2: -1673.365109"))
        #expect(lines.contains("epoch 20, x1: 0.007188, x2: 0.002553"))
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(files == ["momentum-paths.svg", "momentum-weights.svg", "momentum.json"])
    }

    @Test("a bad NAME or a missing --output exits 2 with a message naming it", arguments: [
        (["lab", "cifar", "--output", "/tmp/descent-lab-unused"], "cifar"),
        (["lab", "momentum"], "--output"),
        (["lab", "--output", "/tmp/descent-lab-unused"], "name"),
    ])
    func badArguments(_ args: [String], _ mention: String) throws {
        let r = try CLI.run(args)
        #expect(r.status == 2)
        #expect(r.stderr.contains(mention), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test("an output path that is a file fails with status 1 naming it")
    func outputIsAFile() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("occupied")
        try Data().write(to: file)
        let r = try CLI.run(["lab", "learning-rate", "--output", file.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains(file.path), "\(r.stderr)")
    }
}
