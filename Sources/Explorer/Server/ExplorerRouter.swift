import Hummingbird
import Optimizers

/// The explorer's routes, with no I/O of their own (tests drive them in-process):
///
///     GET  /                 the page (index.html), and every other page file by its path
///     GET  /api/functions    the test functions (CatalogueAPI)
///     GET  /api/optimizers   the optimizer kinds with their arguments and defaults
///     POST /api/trace        a trace spec or an array of them → `descent trace --spec` output
///     POST /api/contours     a function's contour polylines (or 1-D graph)
///
/// Refused requests answer 4xx with `{"error": message, "field": field}`.
public enum ExplorerRouter {
    /// A router serving `assets` and the API within `limits`, logging each request to `log`.
    public static func build(assets: PageAssets, limits: ExplorerLimits = .standard,
                             log: (@Sendable (String) -> Void)? = nil) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        if let log { router.add(middleware: RequestLogMiddleware(write: log)) }
        if let index = assets.files["/index.html"] {
            router.get("/") { _, _ in assetResponse(index) }
        }
        for (path, asset) in assets.files.sorted(by: { $0.key < $1.key }) {
            router.get(RouterPath(path)) { _, _ in assetResponse(asset) }
        }
        let functions = CatalogueAPI.functions.serialized, optimizers = CatalogueAPI.optimizers.serialized
        router.get("/api/functions") { _, _ in jsonResponse(functions) }
        router.get("/api/optimizers") { _, _ in jsonResponse(optimizers) }
        router.post("/api/trace") { request, _ in
            await answer { () async throws(APIError) -> String in
                try TraceAPI.respond(to: try await bodyText(request, limits: limits), limits: limits)
            }
        }
        router.post("/api/contours") { request, _ in
            await answer { () async throws(APIError) -> String in
                try ContourAPI.respond(to: try await bodyText(request, limits: limits)).serialized
            }
        }
        return router
    }

    /// The request body as text, at most `limits.maxBodyBytes` long (413 beyond).
    static func bodyText(_ request: Request, limits: ExplorerLimits) async throws(APIError) -> String {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limits.maxBodyBytes {
            throw APIError.bodyTooLarge(limits)
        }
        do {
            let buffer = try await request.body.collect(upTo: limits.maxBodyBytes)
            return String(buffer: buffer)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError.bodyTooLarge(limits)
        } catch {
            throw APIError(status: 400, field: "body", message: "cannot read the request body: \(error)")
        }
    }

    /// 200 with the JSON text `make` returns, or the `APIError`'s status and JSON.
    static func answer(_ make: () async throws(APIError) -> String) async -> Response {
        do {
            return jsonResponse(try await make())
        } catch {
            return jsonResponse(error.json.serialized + "\n", status: .init(code: error.status))
        }
    }

    static func jsonResponse(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func assetResponse(_ asset: PageAssets.Asset) -> Response {
        Response(status: .ok, headers: [.contentType: asset.contentType, .cacheControl: "no-cache"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.bytes)))
    }
}
