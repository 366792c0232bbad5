"""The session's background jobs (tests/session_jobs.py): started once, joined by every other
pytest process of the session (xdist workers), and a job that fails or dies is an error with its
log, never a hang. Real processes: small Python scripts that write the job's record."""

from __future__ import annotations

import json
import os
import signal
import sys
import time

import pytest
from session_jobs import SharedJob, session_root, write_record

RECORDS = """
import sys, time
from pathlib import Path
from session_jobs import write_record
base = Path(sys.argv[-1])
mode = sys.argv[1]
print("作业开始 / job starts", flush=True)
if mode == "ok":
    time.sleep(0.5)
    write_record(base, {"ok": True, "工作": base.name})
elif mode == "exit":
    print("构建失败 / build failed", flush=True)
    sys.exit(3)
elif mode == "hang":
    time.sleep(60)
"""


def _job(tmp_path, mode: str, **kw) -> SharedJob:
    script = tmp_path / "job_script.py"
    script.write_text(RECORDS, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(os.path.dirname(__file__)), os.environ.get("PYTHONPATH", "")])}
    return SharedJob([sys.executable, str(script), mode], env, name="作业", root=tmp_path, **kw)


def test_the_first_process_starts_the_job_and_the_next_joins_it(tmp_path):
    first = _job(tmp_path, "ok")
    second = _job(tmp_path, "ok")   # as another xdist worker of the session: same folder
    try:
        assert first.starter and not second.starter and second.proc is None
        assert second.wait(timeout=60) == {"ok": True, "工作": "作业"}
        assert first.wait(timeout=60) == {"ok": True, "工作": "作业"}
        assert abs(second.started - first.started) < 5  # the joiner reads when the job began
        assert (tmp_path / "作业" / "job.log").read_text(encoding="utf-8").count("作业开始") == 1
    finally:
        first.close()
        second.close()


@pytest.mark.parametrize("joined", [False, True], ids=["starter", "joiner"])
def test_a_job_that_exits_without_its_record_fails_with_its_log(tmp_path, joined):
    starter = _job(tmp_path, "exit")
    waiter = _job(tmp_path, "exit") if joined else starter
    try:
        with pytest.raises(AssertionError, match="构建失败 / build failed") as err:
            waiter.wait(timeout=60)
        assert ("exited with 3" in str(err.value)) != joined  # a joiner cannot know the code
    finally:
        starter.close()


def test_a_joiner_sees_a_killed_job_end(tmp_path):
    starter = _job(tmp_path, "hang")
    joiner = _job(tmp_path, "hang")
    try:
        time.sleep(0.3)
        os.killpg(starter.proc.pid, signal.SIGKILL)  # as the OOM killer would
        t0 = time.time()
        with pytest.raises(AssertionError, match="作业开始"):
            joiner.wait(timeout=60)
        assert time.time() - t0 < 10  # not the whole timeout
    finally:
        starter.close()


def test_a_job_out_of_time_is_stopped(tmp_path):
    job = _job(tmp_path, "hang", timeout=1)
    with pytest.raises(AssertionError, match="still running after 1 s"):
        job.wait()
    assert job.proc.poll() is not None  # killed with its process group
    job.close()


def test_without_a_root_the_job_has_a_folder_of_its_own_removed_at_close(tmp_path):
    script = tmp_path / "job_script.py"
    script.write_text(RECORDS, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.path.dirname(__file__)}
    job = SharedJob([sys.executable, str(script), "ok"], lambda base: {**env, "JOB_HOME": str(base)},
                    name="作业")
    assert job.starter and tmp_path not in job.base.parents
    assert job.wait(timeout=60)["ok"]
    job.close()
    assert not job.base.exists()


def test_records_are_written_whole(tmp_path):
    write_record(tmp_path, {"地区": "广东省", "页": 8})
    assert json.loads((tmp_path / "job.json").read_text(encoding="utf-8")) == \
        {"地区": "广东省", "页": 8}
    assert [p.name for p in tmp_path.iterdir()] == ["job.json"]


def test_the_session_root_is_shared_by_the_workers(pytestconfig, tmp_path_factory):
    base = tmp_path_factory.getbasetemp()
    expected = base.parent if hasattr(pytestconfig, "workerinput") else base
    assert session_root(pytestconfig) == expected
    assert session_root(None) is None
