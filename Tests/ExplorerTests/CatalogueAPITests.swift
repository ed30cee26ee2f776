import Explorer
import Landscapes
import Optimizers
import Testing

/// GET /api/functions and /api/optimizers: the catalogue the page builds its menus from.
@Suite struct CatalogueAPITests {
    @Test func everyFunctionIsListedWithItsWindowStartAndMinima() throws {
        let list = CatalogueAPI.functions.arrayValue!
        #expect(list.map { $0["name"]!.stringValue! } == TestFunction.all.map(\.name))
        let ellipse = list.first { $0["name"]?.stringValue == "ellipse" }!
        #expect(ellipse.serialized == #"{"name": "ellipse", "formula": "x²/20 + y²", "dimension": 2, "start": [-7.0, 2.0], "#
            + #""window": {"x": [-10.0, 10.0], "y": [-5.0, 5.0]}, "minima": [[0.0, 0.0]], "logLevels": false}"#)
        let bowl = list.first { $0["name"]?.stringValue == "bowl-1d" }!
        #expect(bowl["window"]?["y"] == .null)
        #expect(list.first { $0["name"]?.stringValue == "himmelblau" }!["minima"]!.arrayValue!.count == 4)
        #expect(list.first { $0["name"]?.stringValue == "saddle" }!["minima"]! == .array([]))
    }

    @Test func everyOptimizerIsListedWithTorchDefaults() throws {
        let list = CatalogueAPI.optimizers.arrayValue!
        #expect(list.map { $0["name"]!.stringValue! } == OptimizerKind.allCases.map(\.rawValue))
        let adam = list.first { $0["name"]?.stringValue == "adam" }!
        #expect(adam["displayName"] == .string("Adam"))
        let args = adam["arguments"]!.arrayValue!
        #expect(args.map { $0["name"]!.stringValue! } == OptimizerKind.adam.argumentNames)
        #expect(args.first { $0["name"]?.stringValue == "betas" }!["default"] == .array([.number(0.9), .number(0.999)]))
        #expect(args.first { $0["name"]?.stringValue == "amsgrad" }!["default"] == .bool(false))
        let lion = list.first { $0["name"]?.stringValue == "lion" }!
        #expect(lion["arguments"]!.arrayValue!.first { $0["name"]?.stringValue == "lr" }!["default"] == .number(1e-4))
    }
}
