import Explorer
import Foundation
import Hummingbird
import HummingbirdTesting
import Optimizers
import Testing

/// Every route and every refusal, in-process (no socket), plus the request log.
@Suite struct RouterTests {
    @Test func pageAndItsFilesAreServed() async throws {
        try await makeApp().test(.router) { client in
            let page = try await client.execute(uri: "/", method: .get)
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.text.contains("<script type=\"module\" src=\"/js/main.js\">"))
            #expect(!page.text.contains("http://") && !page.text.contains("https://"), "no CDN")
            let index = try await client.execute(uri: "/index.html", method: .get)
            #expect(index.text == page.text)
            for (path, type) in [("/style.css", "text/css"), ("/js/main.js", "text/javascript"),
                                 ("/js/race.js", "text/javascript"), ("/favicon.svg", "image/svg+xml")] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok, "\(path)")
                #expect(response.headers[.contentType]?.hasPrefix(type) == true, "\(path)")
                #expect(response.body.readableBytes > 0)
            }
        }
    }

    @Test func everyModuleThePageImportsIsServed() async throws {
        let assets = try PageAssets.bundled()
        for (path, asset) in assets.files where path.hasSuffix(".js") {
            let source = String(decoding: asset.bytes, as: UTF8.self)
            let imports = source.split(separator: "\n").filter { $0.hasPrefix("import ") }
            for line in imports {
                guard let from = line.range(of: "from \"./")?.upperBound, let end = line[from...].firstIndex(of: "\"") else {
                    Issue.record("unexpected import in \(path): \(line)"); continue
                }
                let target = "/js/" + line[from..<end]
                #expect(assets.files[target] != nil, "\(path) imports \(target)")
            }
        }
    }

    @Test func catalogueRoutes() async throws {
        try await makeApp().test(.router) { client in
            let functions = try await client.execute(uri: "/api/functions", method: .get)
            #expect(functions.status == .ok)
            #expect(functions.headers[.contentType] == "application/json; charset=utf-8")
            #expect(try functions.json() == CatalogueAPI.functions)
            let optimizers = try await client.execute(uri: "/api/optimizers", method: .get)
            #expect(try optimizers.json() == CatalogueAPI.optimizers)
        }
    }

    @Test func traceRouteAnswersWhatTheAPIComputes() async throws {
        let spec = #"[{"function": "ellipse", "optimizer": "adam", "params": {"lr": 0.3}, "steps": 30}]"#
        try await makeApp().test(.router) { client in
            let response = try await client.post("/api/trace", spec)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            #expect(response.text == (try TraceAPI.respond(to: spec)))
        }
    }

    @Test func contourRoute() async throws {
        try await makeApp().test(.router) { client in
            let response = try await client.post("/api/contours", #"{"function": "beale"}"#)
            #expect(response.status == .ok)
            #expect(try response.json() == (try ContourAPI.respond(to: #"{"function": "beale"}"#)))
        }
    }

    @Test(arguments: [
        ("/api/trace", #"{"function": "ellipse", "optimizer": "sgd", "params": {"lr": -1}, "steps": 5}"#, 422, "params.lr"),
        ("/api/trace", #"{"function": "ellipse", "optimizer": "sgd", "steps": 20000}"#, 422, "steps"),
        ("/api/trace", #"[{"function": "ellipse""#, 400, "body"),
        ("/api/contours", #"{"function": "ellipse", "levels": 100}"#, 422, "levels"),
        ("/api/contours", #"nope"#, 400, "body"),
    ] as [(String, String, Int, String)])
    func refusalsAreJSONNamingTheField(uri: String, body: String, status: Int, field: String) async throws {
        try await makeApp().test(.router) { client in
            let response = try await client.post(uri, body)
            #expect(response.status.code == status)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let json = try response.json()
            #expect(json["field"] == .string(field))
            #expect(json["error"]?.stringValue?.isEmpty == false)
        }
    }

    @Test(arguments: ["/api/trace", "/api/contours"])
    func bodiesOverTheLimitAre413(uri: String) async throws {
        let padding = String(repeating: " ", count: 64 * 1024)
        let body = #"{"function": "ellipse", "optimizer": "sgd", "steps": 5}"# + padding
        try await makeApp().test(.router) { client in
            let response = try await client.post(uri, body)
            #expect(response.status == .contentTooLarge)
            #expect(try response.json()["field"] == .string("body"))
            // Just under the limit is fine.
            let fits = String(body.prefix(64 * 1024))
            #expect(try await client.post("/api/trace", fits).status == .ok)
        }
    }

    @Test func unknownRoutesAndMethodsAreRefused() async throws {
        try await makeApp().test(.router) { client in
            #expect(try await client.execute(uri: "/api/nothing", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/js/missing.js", method: .get).status == .notFound)
            let wrongMethod = try await client.execute(uri: "/api/trace", method: .get).status
            #expect(wrongMethod == .notFound || wrongMethod == .methodNotAllowed)
        }
    }

    @Test func oneLogLinePerRequest() async throws {
        let log = LogCollector()
        try await makeApp(log: log).test(.router) { client in
            _ = try await client.execute(uri: "/", method: .get)
            _ = try await client.post("/api/trace", #"{"function": "ellipse", "optimizer": "sgd", "steps": 3}"#)
            _ = try await client.post("/api/trace", #"{"function": "ellipse"}"#)
            _ = try await client.execute(uri: "/nowhere", method: .get)
        }
        let lines = log.lines
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("GET / 200 "))
        #expect(lines[1].hasPrefix("POST /api/trace 200 "))
        #expect(lines[2].hasPrefix("POST /api/trace 422 "))
        #expect(lines[3].hasPrefix("GET /nowhere 404 "))
        #expect(lines.allSatisfy { $0.hasSuffix(" ms") })
    }

    @Test func fourHundredConcurrentTracesAllSucceed() async throws {
        let spec = #"{"function": "rosenbrock", "optimizer": "adam", "params": {"lr": 0.05}, "steps": 200}"#
        let expected = try TraceAPI.respond(to: spec)
        try await makeApp().test(.router) { client in
            let ok = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<400 {
                    group.addTask {
                        let response = try await client.post("/api/trace", spec)
                        return response.status == .ok && response.text == expected
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(ok == 400)
        }
    }
}
