import Landscapes
import Optimizers

/// POST /api/trace: a trace spec or an array of them in, exactly what `descent trace --spec`
/// prints out (same parser, same runner, same serializer, float64), within `ExplorerLimits`.
public enum TraceAPI {
    /// The response body for a request body, or an `APIError` naming the field at fault.
    public static func respond(to body: String, limits: ExplorerLimits = .standard) throws(APIError) -> String {
        let json: JSONValue
        do { json = try JSONValue(parsing: body) } catch {
            throw APIError(status: 400, field: "body", message: "malformed JSON: \(error)")
        }
        try checkLimits(json, limits)
        let specs: [TraceSpec], isArray: Bool
        do { (specs, isArray) = try TraceSpec.parseMany(body) } catch let e as TraceError {
            throw APIError.from(e)
        } catch {
            throw APIError(status: 422, field: "spec", message: "\(error)")
        }
        var results: [JSONValue] = []
        for (index, spec) in specs.enumerated() {
            do { results.append(try runTrace(spec).json) } catch {
                throw APIError(status: 422, field: isArray ? "[\(index)]" : "spec", message: "\(error)")
            }
        }
        let output = isArray ? JSONValue.array(results) : results[0]
        return output.serialized + "\n"
    }

    /// Refuses more specs, or more steps per spec, than the limits allow (422), before any run.
    static func checkLimits(_ json: JSONValue, _ limits: ExplorerLimits) throws(APIError) {
        let items: [(prefix: String, spec: JSONValue)]
        if let array = json.arrayValue {
            guard array.count <= limits.maxSpecsPerRequest else {
                throw APIError(status: 422, field: "specs", message: "invalid specs: \(array.count) specs in one request "
                    + "(allowed: at most \(limits.maxSpecsPerRequest))")
            }
            items = array.enumerated().map { ("[\($0.offset)].", $0.element) }
        } else {
            items = [("", json)]
        }
        for (prefix, spec) in items {
            guard let steps = spec["steps"]?.numberValue, steps > Double(limits.maxStepsPerRun) else { continue }
            throw APIError(status: 422, field: prefix + "steps",
                           message: "invalid \(prefix)steps: \(JSONValue.number(steps).serialized) "
                               + "(allowed: an integer from 0 to \(limits.maxStepsPerRun) per run on the web API)")
        }
    }
}
