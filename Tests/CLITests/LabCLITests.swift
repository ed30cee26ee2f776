import Foundation
import Testing

@Suite("descent lab (CLI)")
struct LabCLITests {
    @Test("momentum prints d2l's lines and writes its figures and numbers into a new folder")
    func momentum() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("made/here")
        let r = try CLI.run(["lab", "momentum", "--output", output.path, "--airfoil", TrainingFixtures.airfoilFile])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("epoch 20, x1: -0.943467, x2: -0.000073"))
        #expect(lines.contains("epoch 20, x1: -0.387814, x2: -1673.365109"))
        #expect(lines.contains("epoch 20, x1: 0.007188, x2: 0.002553"))
        #expect(lines.filter { $0.hasPrefix("loss: 0.2") && $0.hasSuffix(" sec/epoch") }.count == 3, "\(r.stdout)")
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(files == ["momentum-airfoil.svg", "momentum-paths.svg", "momentum-weights.svg", "momentum.json"])
    }

    @Test("mnist on a folder of IDX files, shortened: the book's blocks, test accuracies, two figures")
    func mnistShort() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let images = try TrainingFixtures.mnistFolder(in: folder)
        let output = folder.appendingPathComponent("report")
        let r = try CLI.run(["lab", "mnist", "--data", images.path, "--iterations", "20", "--output", output.path])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "===========iteration:0===========")
        #expect(lines.contains("===========test accuracy==========="))
        #expect(lines.filter { $0.hasPrefix("RMSprop:") }.count == 2)
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(files == ["mnist-accuracy.svg", "mnist-loss.svg", "mnist.json"])
    }

    @Test("mnist on the installed images, 20 iterations on 1000 examples", .enabled(if: TrainingFixtures.imagesInstalled))
    func mnistInstalled() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try CLI.run(["lab", "mnist", "--iterations", "20", "--examples", "1000", "--output", folder.path])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("mnist.json"))) as? [String: Any]
        #expect(["mnist", "fashion-mnist"].contains(json?["dataset"] as? String ?? ""))
        #expect((json?["runs"] as? [[String: Any]])?.count == 5)
    }

    @Test("airfoil prints one d2l line per optimizer")
    func airfoil() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try CLI.run(["lab", "airfoil", "--airfoil", TrainingFixtures.airfoilFile, "--output", folder.path])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 12 && lines.allSatisfy { $0.contains(": loss: ") && $0.hasSuffix(" sec/epoch") }, "\(r.stdout)")
        #expect(lines.first?.hasPrefix("SGD(lr=0.05): loss: 0.") == true)
    }

    @Test("a missing airfoil file exits 1 naming it")
    func missingAirfoil() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try CLI.run(["lab", "airfoil", "--airfoil", "/nonexistent/airfoil.dat", "--output", folder.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("/nonexistent/airfoil.dat"), "\(r.stderr)")
    }

    @Test("a bad NAME or a missing --output exits 2 with a message naming it", arguments: [
        (["lab", "cifar", "--output", "/tmp/descent-lab-unused"], "cifar"),
        (["lab", "momentum"], "--output"),
        (["lab", "--output", "/tmp/descent-lab-unused"], "name"),
        (["lab", "mnist", "--iterations", "0", "--output", "/tmp/descent-lab-unused"], "--iterations"),
        (["lab", "mnist", "--examples", "-5", "--output", "/tmp/descent-lab-unused"], "--examples"),
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
