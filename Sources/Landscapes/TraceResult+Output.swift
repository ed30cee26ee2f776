import Optimizers

extension TraceResult {
    /// The result object of trace-spec.md: the spec's fields, then points, values and lrs, and
    /// `diverged` ({step, coordinate, quantity, value}) when the run left the finite numbers.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("function", .string(spec.function.name)),
            ("optimizer", .string(spec.optimizer.kind.rawValue)),
            ("params", spec.paramsEcho),
            ("steps", .int(spec.steps)),
            ("start", .array(spec.start.map(JSONValue.number))),
        ]
        if let s = spec.scheduleEcho { members.append(("schedule", s)) }
        members.append(("points", .array(points.map { .array($0.map(JSONValue.number)) })))
        members.append(("values", .array(values.map(JSONValue.number))))
        members.append(("lrs", .array(lrs.map(JSONValue.number))))
        if let d = divergence {
            members.append(("diverged", .object([
                ("step", .int(d.step)),
                ("coordinate", d.coordinate.map { .int($0) } ?? .null),
                ("quantity", .string(d.quantity.rawValue)),
                ("value", .string("\(d.value)")),
                ("message", .string(d.message)),
            ])))
        }
        return .object(members)
    }

    /// CSV: `step,x1[,x2],value,lr`, one row per point (the last row has no lr).
    public var csv: String {
        let names = spec.function.dimension == 1 ? ["theta"] : (1...spec.function.dimension).map { "x\($0)" }
        var out = "step," + names.joined(separator: ",") + ",value,lr\n"
        for (k, p) in points.enumerated() {
            let f = k < values.count ? values[k] : spec.function.value(p)
            let lr = k < lrs.count ? JSONValue.format(lrs[k]) : ""
            out += "\(k)," + p.map(JSONValue.format).joined(separator: ",") + ",\(JSONValue.format(f)),\(lr)\n"
        }
        return out
    }
}

extension TraceSpec {
    /// Specs from JSON text holding one spec object or an array of them.
    public static func parseMany(_ text: String) throws -> (specs: [TraceSpec], isArray: Bool) {
        let json: JSONValue
        do { json = try JSONValue(parsing: text) } catch let e as JSONParseError { throw TraceError.json("\(e)") }
        if case let .array(items) = json {
            var specs: [TraceSpec] = []
            for (i, item) in items.enumerated() {
                do { specs.append(try TraceSpec(json: item)) } catch let TraceError.invalid(field, value, allowed) {
                    throw TraceError.invalid(field: "[\(i)].\(field)", value: value, allowed: allowed)
                }
            }
            return (specs, true)
        }
        return ([try TraceSpec(json: json)], false)
    }
}
