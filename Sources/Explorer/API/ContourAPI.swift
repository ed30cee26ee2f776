import Landscapes
import Optimizers
import Plot

/// POST /api/contours: the landscape as drawing data, so the browser only draws.
///
/// Body: `{"function": "rosenbrock"}` with optional `"resolution"` (grid side, 2…301, default
/// 161), `"levels"` (about how many, 1…60, default 18), `"x"` and `"y"` windows (`[lo, hi]`,
/// default the function's). A 2-D function answers `{"function", "window", "levels", "lines":
/// [{"level", "color", "points": [[x, y], ...]}]}`, traced by Plot's marching squares and
/// coloured with Plot's contour ramp; levels are Plot's log-spaced ones where the function spans
/// decades (Rosenbrock, Beale), else its automatic choice. A 1-D function answers its graph
/// instead: `{"function", "window", "curve": [[θ, f], ...]}`.
public enum ContourAPI {
    /// How many decades log-spaced levels cover below the top: four keeps the lowest ring wider
    /// than a grid cell in Rosenbrock's narrow valley (five gives ragged slivers there).
    static let logDecades = 4.0

    /// The response for a request body, or an `APIError` naming the field at fault.
    public static func respond(to body: String) throws(APIError) -> JSONValue {
        let json: JSONValue
        do { json = try JSONValue(parsing: body) } catch {
            throw APIError(status: 400, field: "body", message: "malformed JSON: \(error)")
        }
        guard let members = json.objectValue else {
            throw invalid("body", json.typeName, "a JSON object such as {\"function\": \"rosenbrock\"}")
        }
        let known = ["function", "resolution", "levels", "x", "y"]
        if let unknown = members.first(where: { !known.contains($0.0) }) {
            throw invalid(unknown.0, "unknown field", known.joined(separator: ", "))
        }
        guard let name = json["function"]?.stringValue else {
            throw invalid("function", json["function"]?.serialized ?? "missing", "a function name")
        }
        let function: TestFunction
        do { function = try TestFunction.named(name) } catch {
            throw invalid("function", name, TestFunction.all.map(\.name).joined(separator: ", "))
        }
        let resolution = try integer(json["resolution"], field: "resolution", default: 161, range: 2...301)
        let levelCount = try integer(json["levels"], field: "levels", default: 18, range: 1...60)
        let x = try window(json["x"], field: "x", default: function.xRange)
        if function.dimension == 1 {
            return curve(function, x: x, samples: resolution)
        }
        let y = try window(json["y"], field: "y", default: function.yRange ?? function.xRange)
        let levels: ContourLevels = function.logLevels
            ? .logSpaced(count: levelCount, decades: logDecades) : .automatic(count: levelCount)
        let lines: [ContourLine]
        do {
            lines = try MarchingSquares.contours(of: function.value(x:y:), x: x, y: y, resolution: resolution, levels: levels)
        } catch {
            throw APIError(status: 422, field: "function", message: "cannot contour \(name): \(error)")
        }
        return contourJSON(function, lines: lines, x: x, y: y)
    }

    /// The lines as JSON, each coloured by its level's rank on Plot's contour ramp.
    static func contourJSON(_ function: TestFunction, lines: [ContourLine],
                            x: ClosedRange<Double>, y: ClosedRange<Double>) -> JSONValue {
        let levels = Array(Set(lines.map(\.level))).sorted()
        let rank = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, $0) })
        let lineJSON: [JSONValue] = lines.map { line in
            let t = levels.count > 1 ? Double(rank[line.level]!) / Double(levels.count - 1) : 0.5
            return .object([
                ("level", .number(line.level)),
                ("color", .string(ColorRamp.color(at: t))),
                ("points", .array(line.rounded(decimals: 4).points.map(CatalogueAPI.numbers))),
            ])
        }
        return .object([
            ("function", .string(function.name)),
            ("window", .object([("x", pair(x)), ("y", pair(y))])),
            ("levels", CatalogueAPI.numbers(levels)),
            ("lines", .array(lineJSON)),
        ])
    }

    /// A 1-D function's graph, `samples` points evenly spaced over the window.
    static func curve(_ function: TestFunction, x: ClosedRange<Double>, samples: Int) -> JSONValue {
        let step = (x.upperBound - x.lowerBound) / Double(samples - 1)
        let points: [JSONValue] = (0..<samples).map { i in
            let theta = i == samples - 1 ? x.upperBound : x.lowerBound + Double(i) * step
            return CatalogueAPI.numbers([theta, function.value([theta])])
        }
        return .object([
            ("function", .string(function.name)),
            ("window", .object([("x", pair(x)), ("y", .null)])),
            ("curve", .array(points)),
        ])
    }

    static func pair(_ r: ClosedRange<Double>) -> JSONValue { CatalogueAPI.numbers([r.lowerBound, r.upperBound]) }

    static func invalid(_ field: String, _ value: String, _ allowed: String) -> APIError {
        APIError(status: 422, field: field, message: "invalid \(field): \(value) (allowed: \(allowed))")
    }

    static func integer(_ value: JSONValue?, field: String, default fallback: Int,
                        range: ClosedRange<Int>) throws(APIError) -> Int {
        guard let value, value != .null else { return fallback }
        guard let x = value.numberValue, x == x.rounded(), x >= Double(range.lowerBound), x <= Double(range.upperBound) else {
            throw invalid(field, value.serialized, "an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return Int(x)
    }

    static func window(_ value: JSONValue?, field: String,
                       default fallback: ClosedRange<Double>) throws(APIError) -> ClosedRange<Double> {
        guard let value, value != .null else { return fallback }
        guard let pair = value.arrayValue, pair.count == 2, let lo = pair[0].numberValue, let hi = pair[1].numberValue,
              lo.isFinite, hi.isFinite, lo < hi else {
            throw invalid(field, value.serialized, "[low, high] with finite low < high")
        }
        return lo...hi
    }
}
