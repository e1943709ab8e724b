-- wrk script: POST random SKM answers to one service's public survey endpoint.
--   wrk -t2 -c16 -d60s -s loadtest/survey_post.lua http://127.0.0.1:8095/api/v1/public/services/<id>/survey
-- Channel "daring": the kiosk channel needs a registered kiosk key (X-Kiosk-Key), which wrk has not.
-- Counts responses by status so the caller can compare "201s sent" with "rows stored".
local counts = {}
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
  created = 0
  other = 0
end

request = function()
  local parts = {}
  for i = 1, 9 do parts[i] = string.format('"U%d":%d', i, math.random(1, 4)) end
  local body = '{"answers":{' .. table.concat(parts, ",") .. '},"respondent":{"sex":"perempuan","ageBand":"30-39"},"channel":"daring"}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end

response = function(status, headers, body)
  if status == 201 then created = created + 1 else other = other + 1 end
end

done = function(summary, latency, requests)
  local c, o = 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    o = o + t:get("other")
  end
  io.write(string.format("created=%d other=%d\n", c, o))
end
