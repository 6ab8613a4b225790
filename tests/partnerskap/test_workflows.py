"""The GitHub workflows run what runs here, in the Debian release this machine has, and only main publishes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
PUBLISH = "publish.yml"
PULL_REQUEST = "pull-request.yml"


def workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key «on» as true
    return data


def os_release() -> dict[str, str]:
    text = Path("/etc/os-release").read_text(encoding="utf-8")
    return {k: v.strip('"') for k, _, v in (line.partition("=") for line in text.splitlines()) if k}


def test_every_job_with_steps_runs_in_this_machines_debian_release_and_python() -> None:
    release = os_release()
    assert release["ID"] == "debian", "the tests are written for Debian"
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    images = []
    for name in (PUBLISH, PULL_REQUEST):
        for job_id, job in workflow(name)["jobs"].items():
            if any("run" in step for step in job["steps"]):
                image = job.get("container")
                image = image["image"] if isinstance(image, dict) else image
                assert image, f"{name}: job {job_id} runs commands outside the Debian container"
                images.append(image)
    assert images
    for image in images:
        assert image == f"python:{python}-{release['VERSION_CODENAME']}", image


def test_steps_are_only_checkout_ci_run_build_and_uploads() -> None:
    allowed_runs = {"bash .ci/run", "bash scripts/build", "bash scripts/build --release"}
    for name in (PUBLISH, PULL_REQUEST):
        runs = [
            step["run"].strip() for job in workflow(name)["jobs"].values() for step in job["steps"] if "run" in step
        ]
        assert runs[0] == "bash .ci/run" and set(runs) <= allowed_runs, (name, runs)


def test_actions_are_pinned_by_full_commit_sha() -> None:
    uses = [
        step["uses"]
        for name in (PUBLISH, PULL_REQUEST)
        for job in workflow(name)["jobs"].values()
        for step in job["steps"]
        if "uses" in step
    ]
    assert uses
    for use in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", use), use


def test_pull_requests_build_and_upload_but_never_deploy() -> None:
    flow = workflow(PULL_REQUEST)
    assert set(flow["on"]) == {"pull_request"}
    assert flow["permissions"] == {}
    text = (WORKFLOWS / PULL_REQUEST).read_text(encoding="utf-8")
    assert "deploy-pages" not in text and "pages: write" not in text and "id-token" not in text
    steps = flow["jobs"]["test-and-build"]["steps"]
    upload = next(s for s in steps if "upload-artifact" in s.get("uses", ""))
    assert upload["with"]["path"].rstrip("/") == "site"


def test_only_pushes_to_main_publish_and_the_release_build_gets_site_url() -> None:
    flow = workflow(PUBLISH)
    assert flow["on"]["push"] == {"branches": ["main"]}
    assert "pull_request" not in flow["on"] and "pull_request_target" not in flow["on"]
    assert flow["permissions"] == {}
    build = flow["jobs"]["build"]
    assert build["permissions"] == {"contents": "read"}
    release = next(s for s in build["steps"] if s.get("run") == "bash scripts/build --release")
    assert release["env"]["SITE_URL"] == "${{ vars.SITE_URL }}"
    for name in (PUBLISH, PULL_REQUEST):
        for job in workflow(name)["jobs"].values():
            for step in job["steps"]:
                assert "${{" not in step.get("run", ""), "expressions in run: are template injection"


@pytest.mark.parametrize(
    "command",
    [
        [".venv/bin/check-jsonschema", "--builtin-schema", "vendor.github-workflows"],
        [".venv/bin/zizmor", "--offline", "--quiet"],
    ],
    ids=["schema", "zizmor"],
)
def test_workflow_linters_reject_a_bad_workflow(tmp_path: Path, command: list[str]) -> None:
    """The linters scripts/test runs do catch what they are there for (so a pass means something)."""
    bad = (WORKFLOWS / PULL_REQUEST).read_text(encoding="utf-8")
    if "zizmor" in command[0]:  # an action pinned by a movable tag
        bad = re.sub(r"actions/checkout@[0-9a-f]{40}.*", "actions/checkout@v4", bad)
    else:  # a value of the wrong type
        bad = bad.replace("timeout-minutes: 90", "timeout-minutes: soon", 1)
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "bad.yml").write_text(bad, encoding="utf-8")
    target = [str(folder / "bad.yml")] if "check-jsonschema" in command[0] else [str(folder)]
    run = subprocess.run([str(ROOT / command[0]), *command[1:], *target], capture_output=True, text=True, check=False)
    assert run.returncode != 0, run.stdout + run.stderr
    good = subprocess.run(
        [str(ROOT / command[0]), *command[1:], *(str(p) for p in sorted(WORKFLOWS.glob("*.yml")))]
        if "check-jsonschema" in command[0]
        else [str(ROOT / command[0]), *command[1:], str(WORKFLOWS)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert good.returncode == 0, good.stdout + good.stderr
