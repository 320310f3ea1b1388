#!/usr/bin/env python3
"""Tests choose_plansite.py on a small git repository made for each test: which plansite the publish
workflow takes for a content change, a code change, and when there is no usable release."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "choose_plansite.py")
ASSET = "plansite-linux-x86_64.tar.gz"


def git(repo, *args):
    subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True)


def write(repo, path, text):
    full = os.path.join(repo, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "a", encoding="utf-8") as file:
        file.write(text)
    git(repo, "add", path)
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", path)


def release(tag, asset=ASSET):
    return json.dumps({"tag_name": tag, "assets": [{"name": asset, "url": "https://api.example/assets/7"}]})


class ChoosePlansiteTests(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.repo = self.folder.name
        git(self.repo, "init", "-q")
        write(self.repo, "Package.swift", "// package\n")
        write(self.repo, "Sources/plansite/main.swift", "// main\n")
        write(self.repo, "content/site.yaml", "title: t\n")
        git(self.repo, "tag", "v1.0.0")

    def tearDown(self):
        self.folder.cleanup()

    def choose(self, stdin):
        result = subprocess.run([sys.executable, SCRIPT, "--asset", ASSET], input=stdin, cwd=self.repo,
                                capture_output=True, text=True, check=True)
        return dict(line.split("=", 1) for line in result.stdout.splitlines())

    def test_content_change_uses_the_release(self):
        write(self.repo, "content/site.yaml", "more: text\n")
        write(self.repo, "theme/templates/page.mustache", "{{title}}\n")
        chosen = self.choose(release("v1.0.0"))
        self.assertEqual(chosen["source"], "release")
        self.assertEqual(chosen["tag"], "v1.0.0")
        self.assertEqual(chosen["asset-url"], "https://api.example/assets/7")

    def test_change_to_sources_builds(self):
        write(self.repo, "Sources/plansite/main.swift", "// changed\n")
        self.assertEqual(self.choose(release("v1.0.0"))["source"], "build")

    def test_change_to_package_swift_builds(self):
        write(self.repo, "Package.swift", "// changed\n")
        self.assertEqual(self.choose(release("v1.0.0"))["source"], "build")

    def test_no_release_builds(self):
        self.assertEqual(self.choose('{"message": "Not Found", "status": "404"}')["source"], "build")
        self.assertEqual(self.choose("")["source"], "build")

    def test_release_without_the_package_builds(self):
        chosen = self.choose(release("v1.0.0", asset="plansite-linux-aarch64.tar.gz"))
        self.assertEqual(chosen["source"], "build")
        self.assertIn("has no " + ASSET, chosen["reason"])

    def test_tag_missing_from_the_clone_builds(self):
        chosen = self.choose(release("v9.9.9"))
        self.assertEqual(chosen["source"], "build")
        self.assertIn("not in this clone", chosen["reason"])


if __name__ == "__main__":
    unittest.main()
