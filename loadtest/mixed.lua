-- wrk script: mixed read load for loadtest/soak.sh, in turn per connection:
--   the gap of one employee (API, bearer token), a page of the employee list (API), and the
--   public survey page of one service (no login).
--   wrk -t2 -c16 -d600s -s loadtest/mixed.lua http://127.0.0.1:8092 -- TOKEN EMPLOYEE_ID /s/CODE
-- Prints "status 2xx=N other=M" and the first few other statuses at the end.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  token, employee, survey = args[1], args[2], args[3]
  auth = { ["Authorization"] = "Bearer " .. token }
  n = 0
  ok = 0
  other = 0
  seen = ""
end

function request()
  n = n + 1
  local k = n % 3
  if k == 0 then
    return wrk.format("GET", "/api/v1/employees/" .. employee .. "/gap", auth)
  elseif k == 1 then
    return wrk.format("GET", "/api/v1/employees?per=50&page=" .. tostring(1 + (n % 20)), auth)
  else
    return wrk.format("GET", survey, {})
  end
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  else
    other = other + 1
    if string.len(seen) < 60 then seen = seen .. " " .. tostring(status) end
  end
end

function done(summary, latency, requests)
  local o, x, s = 0, 0, ""
  for _, t in ipairs(threads) do
    o = o + t:get("ok")
    x = x + t:get("other")
    s = s .. t:get("seen")
  end
  io.write(string.format("status 2xx=%d other=%d\n", o, x))
  if x > 0 then io.write("other statuses:" .. s .. "\n") end
end
