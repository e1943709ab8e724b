-- wrk script: count the answers that are not 2xx (wrk's own "Non-2xx or 3xx responses" line
-- counts only statuses >= 400, so a redirect to the login page would pass unnoticed).
-- Used by loadtest/short.sh; prints one line "status 2xx=N other=M" at the end.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ok = 0
  other = 0
end

function response(status, headers, body)
  if status >= 200 and status < 300 then ok = ok + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local o, x = 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("ok")
    x = x + t:get("other")
  end
  io.write(string.format("status 2xx=%d other=%d\n", o, x))
end
