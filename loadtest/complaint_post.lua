-- wrk script: POST complaints to one service's public complaint endpoint.
--   wrk -t2 -c16 -d60s -s loadtest/complaint_post.lua http://127.0.0.1:8095/api/v1/public/services/<id>/complaints
-- Counts responses by status so the caller can compare "201s sent" with "rows stored".
local threads = {}
local places = {"loket 1", "loket 2", "ruang tunggu", "loket pengambilan", "layanan daring"}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
  created = 0
  other = 0
end

request = function()
  -- Every third one leaves a name and a phone number, as residents do.
  local n = math.random(1, 1000000)
  local body = string.format(
    '{"text":"Antrean di %s lambat, saya menunggu %d menit tanpa kepastian (uji beban %d)."%s}',
    places[math.random(1, #places)], math.random(30, 240), n,
    (n % 3 == 0) and ',"name":"Warga Uji","contact":"0812' .. string.format("%08d", n) .. '"' or "")
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
