-- Breaking-news reads for wrk, written by bench/load.py (zipf_script): every
-- request GETs one of these paths, drawn with Zipf weights (the cumulative share
-- of each path and those before it).
local paths = {
  {{paths}}
}
local cumulative = {{{cumulative}}}
local made = 0

function setup(thread)
  thread:set("id", made)
  made = made + 1
end

function init(args)
  -- Threads draw different sequences; runs draw the same ones.
  math.randomseed(20261201 + id)
end

function request()
  local r = math.random()
  local low, high = 1, #cumulative
  while low < high do
    local middle = math.floor((low + high) / 2)
    if cumulative[middle] < r then low = middle + 1 else high = middle end
  end
  return wrk.format("GET", paths[low])
end
