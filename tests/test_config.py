from pathlib import Path

import pytest

from pipeline.config import ConfigError, config_from_dict, load_config

ROOT = Path(__file__).resolve().parent.parent


def test_default_config_loads_and_resolves_paths_against_project_root():
    cfg = load_config(ROOT / "configs" / "default.yaml")
    assert cfg.resolve(cfg.inbox) == ROOT / "samples"
    assert cfg.summarizer.model == "VietAI/vit5-base-vietnews-summarization"
    assert cfg.translator.src_lang is None  # the model family chooses its codes
    assert cfg.schedule.timezone == "Asia/Ho_Chi_Minh"
    # The model card's input length (models/families.py), cut at a sentence boundary.
    assert cfg.summarizer.max_input_tokens is None and cfg.summarizer.long_articles == "truncate"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"inboxx": "x"}, "unknown config key 'inboxx'"),
        ({"summarizer": {"beams": 2}}, "unknown config key 'summarizer.beams'"),
        ({"translator": {"batch_size": "8"}}, "'translator.batch_size' must be int"),
        ({"translator": {"batch_size": True}}, "'translator.batch_size' must be int"),
        ({"summarizer": {"backend": "gpt"}}, "'summarizer.backend' must be"),
        ({"translator": {"batch_size": 0}}, "'translator.batch_size' must be at least 1"),
        ({"schedule": {"cron": "daily"}}, "'schedule.cron' must have 5 fields"),
        ({"schedule": {"cron": "61 25 * * *"}}, "'schedule.cron' is not a valid cron"),
        ({"schedule": {"cron": "0 6 * * 8"}}, "'schedule.cron' is not a valid cron"),
        ({"schedule": {"cron": "0 6 31 2 *"}}, "'schedule.cron' never fires"),
        ({"schedule": {"timezone": "Mars/Base"}}, "'schedule.timezone' is not a known"),
        ({"schedule": "daily"}, "'schedule' must be a mapping"),
        ({"summarizer": {"long_articles": "skip"}}, "'summarizer.long_articles' must be"),
        ({"summarizer": {"max_input_tokens": 0}}, "'summarizer.max_input_tokens' must be at"),
    ],
)
def test_bad_config_names_the_key(data, message):
    with pytest.raises(ConfigError, match=message.replace("(", r"\(")):
        config_from_dict(data)


def test_null_allowed_only_where_optional():
    assert config_from_dict({"translator": {"glossary": None}}).translator.glossary is None
    with pytest.raises(ConfigError, match="'summarizer.model' must be str"):
        config_from_dict({"summarizer": {"model": None}})


def test_fingerprint_tracks_content_settings_not_paths():
    base = config_from_dict({})
    assert base.fingerprint() == config_from_dict({"outputs": "elsewhere"}).fingerprint()
    assert base.fingerprint() != config_from_dict({"summarizer": {"sentences": 5}}).fingerprint()


def test_unreadable_and_invalid_yaml_files(tmp_path):
    with pytest.raises(ConfigError, match="cannot read config file"):
        load_config(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("summarizer: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(bad)
