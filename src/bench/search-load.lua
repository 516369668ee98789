-- wrk script for the load benchmark (src/bench/run-benchmarks.sh): GET /search?q=... cycling through the queries of
-- src/test/resources/bench/queries.txt, signed in with the form-login cookie given after "--".
--   wrk -t2 -c8 -d20s -s src/bench/search-load.lua http://127.0.0.1:PORT -- QUERIES_FILE "quarkus-credential=..."
-- Any answer other than 200 (a redirect to /login included, which wrk alone would not count) is an error.
-- done() prints one JSON line, prefixed "LOAD-JSON ", that the script collects.

local queries = {}
local threads = {}
local cookie = ""

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" and line:sub(1, 1) ~= "#" then
      local tab = line:find("\t")
      if tab then table.insert(queries, urlencode(line:sub(tab + 1))) end
    end
  end
  cookie = args[2]
  -- start each thread at a different query so concurrent clients do not ask the same thing in step
  counter = (id or 1) * 7
  bad = 0
end

function request()
  counter = counter + 1
  local q = queries[(counter % #queries) + 1]
  return wrk.format("GET", "/search?q=" .. q, { ["Cookie"] = cookie })
end

function response(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end

function done(summary, latency, requests)
  local nonOk = 0
  for _, t in ipairs(threads) do nonOk = nonOk + (t:get("bad") or 0) end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format('LOAD-JSON {"requests": %d, "seconds": %.2f, "rps": %.1f, "p50ms": %.2f, "p95ms": %.2f, '
      .. '"p99ms": %.2f, "maxms": %.2f, "non200": %d, "socketErrors": %d, "timeouts": %d}\n',
      summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
      latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000, nonOk,
      e.connect + e.read + e.write, e.timeout))
end
