// Talking to the server: the catalogue, contours and traces. The page never computes a step
// itself; every path comes from POST /api/trace.

/** An API refusal: the HTTP status, the field the server names and its message. */
export class APIError extends Error {
  constructor(status, field, message) {
    super(message);
    this.status = status;
    this.field = field;
  }
}

async function request(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    throw new APIError(response.status, data?.field ?? "", data?.error ?? `${response.status} ${response.statusText}`);
  }
  return data;
}

export const getFunctions = () => request("GET", "/api/functions");
export const getOptimizers = () => request("GET", "/api/optimizers");

const contourCache = new Map();
/** The contour lines (2-D) or graph (1-D) of a function, cached per request. */
export function getContours(body) {
  const key = JSON.stringify(body);
  if (!contourCache.has(key)) {
    contourCache.set(key, request("POST", "/api/contours", body).catch((e) => {
      contourCache.delete(key);
      throw e;
    }));
  }
  return contourCache.get(key);
}

/** Runs trace specs on the server (an array in, an array of results out). */
export const postTrace = (specs) => request("POST", "/api/trace", specs);

/**
 * Wraps an async job so that calls made while one is running collapse into one follow-up run
 * with the latest arguments: at most one request in flight, none wasted, and the view keeps
 * moving while a slider is dragged. Calls are also coalesced to one per animation frame.
 */
export function singleFlight(job, onResult, onError) {
  let running = false, pending = null, frame = 0;
  async function run() {
    frame = 0;
    if (running || !pending) return;
    const args = pending;
    pending = null;
    running = true;
    try {
      onResult(await job(...args), ...args);
    } catch (error) {
      onError(error, ...args);
    } finally {
      running = false;
      if (pending) schedule();
    }
  }
  function schedule() {
    if (!frame) frame = requestAnimationFrame(run);
  }
  return (...args) => {
    pending = args;
    schedule();
  };
}
