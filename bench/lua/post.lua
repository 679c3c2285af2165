-- Comment POSTs for wrk, written by bench/load.py (post_script): each prepared
-- submission is posted once; thread i of n takes lines i, i+n, i+2n...
local path = {{path}}
local file = {{file}}
local extra = {{extra}}
local headers = {["Content-Type"] = "application/x-www-form-urlencoded"}
{{cookie}}
local threads = {}
local made = 0

function setup(thread)
  thread:set("id", made)
  thread:set("count", {{threads}})
  table.insert(threads, thread)
  made = made + 1
end

function init(args)
  bodies = {}
  local n = 0
  for line in io.lines(file) do
    if line ~= "" then
      if n % count == id then table.insert(bodies, line .. extra) end
      n = n + 1
    end
  end
  index = 0
  ok = 0
  other = 0
  wrapped = 0
  codes = ""
end

function request()
  index = index + 1
  if index > #bodies then
    index = 1
    wrapped = wrapped + 1
  end
  return wrk.format("POST", path, headers, bodies[index])
end

function response(status, headers, body)
  if status == 302 then
    ok = ok + 1
  else
    other = other + 1
    if #codes < 60 then codes = codes .. status .. " " end
  end
end

function done(summary, latency, requests)
  local total_ok, total_other, total_wrapped, all_codes = 0, 0, 0, ""
  for _, thread in ipairs(threads) do
    total_ok = total_ok + thread:get("ok")
    total_other = total_other + thread:get("other")
    total_wrapped = total_wrapped + thread:get("wrapped")
    all_codes = all_codes .. thread:get("codes")
  end
  io.write(string.format("bench-post: ok=%d other=%d wrapped=%d %s\n",
    total_ok, total_other, total_wrapped, all_codes))
end
