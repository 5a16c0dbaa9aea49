-- wrk script for `termsearch serve`: rotates through a fixed mix of queries.
--
--   wrk -t2 -c8 -d30s --latency -s Benchmarks/loadtest.lua http://127.0.0.1:8080 -- api
--   wrk ... -s Benchmarks/loadtest.lua http://127.0.0.1:8080 -- page
--   wrk ... -s Benchmarks/loadtest.lua http://127.0.0.1:8080 -- api phrase   # one kind only
--
-- Arguments after `--`: the endpoint (`api` = GET /api/search, `page` = GET /search, the HTML
-- page) and optionally one query kind. Every response whose status is not 2xx is counted and
-- reported at the end (wrk's own "Non-2xx or 3xx" line lets 3xx through).

local queries = {
  { kind = "phrase",  q = '"aansprakelijkheid beperkt tot"' },
  { kind = "near",    q = "aansprakelijkheid NEAR/6 schade" },
  { kind = "field",   q = "lang:en agreement" },
  { kind = "boolean", q = "(schade OR kosten) AND NOT indirecte" },
  { kind = "rare",    q = "broncode" },
  { kind = "common",  q = "overeenkomst" },
  { kind = "two",     q = "betaling termijn" },
}

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c)
    if c == " " then return "+" end
    return string.format("%%%02X", string.byte(c))
  end))
end

local threads = {}
local counter = 1
local paths = {}
bad = 0   -- global: done() reads it from each thread with thread:get

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local endpoint = args[1] or "api"
  local only = args[2]
  local base
  if endpoint == "api" then
    base = "/api/search?q="
  elseif endpoint == "page" then
    base = "/search?q="
  else
    error("endpoint must be api or page, not " .. endpoint)
  end
  for _, entry in ipairs(queries) do
    if only == nil or entry.kind == only then
      table.insert(paths, base .. encode(entry.q))
    end
  end
  if #paths == 0 then error("no query of kind " .. tostring(only)) end
  -- Threads start at different places in the rotation, so the mix is the same at any moment.
  next_index = ((id or 1) - 1) % #paths
end

function request()
  next_index = next_index % #paths + 1
  return wrk.format("GET", paths[next_index])
end

function response(status, headers, body)
  if status < 200 or status > 299 then bad = bad + 1 end
end

function done(summary, latency, requests)
  local total_bad = 0
  for _, thread in ipairs(threads) do
    total_bad = total_bad + (thread:get("bad") or 0)
  end
  io.write(string.format("status not 2xx: %d\n", total_bad))
  io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  io.write(string.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; %.1f requests/s\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests / (summary.duration / 1e6)))
end
