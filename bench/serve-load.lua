-- wrk script of bench/serve-load.sh: replays the request paths of a file (one a line), round robin;
-- with "follow", a response's next link is the connection thread's next request, until the last page.
-- Prints one line "RESULT req/s p50_ms p99_ms errors requests" at the end.
--   wrk -c16 -d30s -s bench/serve-load.lua http://127.0.0.1:8080 -- paths.txt [follow]
local paths = {}
local i = 0
local follow = false
local nextPath = nil

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  follow = args[2] == "follow"
  i = math.random(#paths)
end

function request()
  local p = nextPath
  if p == nil then
    i = i % #paths + 1
    p = paths[i]
  end
  nextPath = nil
  return wrk.format("GET", p)
end

function response(status, headers, body)
  if not follow or status ~= 200 then return end
  for link in body:gmatch('{[^{}]-"rel"%s*:%s*"next"[^{}]-}') do
    local href = link:match('"href"%s*:%s*"([^"]*)"')
    if href then
      nextPath = href:match("^https?://[^/]+(/.*)$") or href
      return
    end
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.0f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.status + e.timeout, summary.requests))
end
