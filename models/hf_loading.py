"""Load transformers seq2seq models quickly or fail quickly, with a reason a user can act on.

transformers' own hub fallback retries for ~48 s when the network is down and then raises a
multi-paragraph OSError; a daily brief job must instead fall back within seconds and say why.
So every hub id is first tried from the local cache, then the hub is probed once (≤ 3 s) and
only contacted when reachable.
"""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from models.base import ModelLoadError

DEFAULT_ENDPOINT = "https://huggingface.co"
PROBE_TIMEOUT_S = 3.0

# Weight formats transformers/PyTorch never reads: skipping them keeps `models pull` small.
_PULL_IGNORE = [
    "*.h5",
    "*.msgpack",
    "*.onnx",
    "onnx/*",
    "*.ot",
    "*.tflite",
    "tf_model*",
    "flax_model*",
    "rust_model*",
    "coreml/*",
]

_TRUTHY = {"1", "true", "yes", "on"}


def is_local_ref(model: str) -> bool:
    """A config value names a local directory when it exists or is written as a path.

    Hub ids look like "owner/name", which is also a valid relative path, so only explicit path
    spellings (or an existing directory) count as local; anything else is a hub id.
    """
    return model.startswith(("./", "../", "/", "~", ".\\")) or Path(model).expanduser().exists()


def resolve_model_ref(model: str, base_dir: str | Path | None = None) -> str:
    """Config value -> what load_seq2seq gets: relative local dirs resolve against base_dir.

    "./x", "../x", "~/x" and absolute paths are directories; a bare "a/b" is a directory only if
    it exists under base_dir, otherwise a hub id (so "vinai/vinai-translate-vi2en-v2" stays one).
    """
    path = Path(model).expanduser()
    if path.is_absolute():
        return str(path)
    base = Path(base_dir) if base_dir is not None else Path.cwd()
    if model.startswith(("./", "../", ".\\", "..\\")) or (base / path).exists():
        return str((base / path).resolve())
    return model


def hub_offline_reason(model: str) -> str:
    return (
        f"'{model}' is not in the local Hugging Face cache and huggingface.co cannot be reached "
        "(offline). Run `vnbrief models pull` with a network, or point the config at a local "
        "model directory."
    )


def _env_offline() -> bool:
    # Read at call time (not huggingface_hub.constants, frozen at import) so tests and users can
    # flip the variable in a running process.
    return any(
        os.environ.get(var, "").strip().lower() in _TRUTHY
        for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")
    )


def _endpoint() -> str:
    return os.environ.get("HF_ENDPOINT", "").strip() or DEFAULT_ENDPOINT


def hub_reachable(timeout: float = PROBE_TIMEOUT_S) -> bool:
    """One TCP connect to the hub endpoint, bounded in wall time including DNS.

    getaddrinfo has no timeout of its own (a broken resolver can block for 20+ s), so the probe
    runs in a daemon thread and is abandoned when the deadline passes.
    """
    if _env_offline():
        return False
    url = urlparse(_endpoint())
    host = url.hostname
    if not host:
        return False
    port = url.port or (80 if url.scheme == "http" else 443)
    result: list[bool] = []

    def probe() -> None:
        try:
            with socket.create_connection((host, port), timeout=timeout):
                result.append(True)
        except OSError:
            result.append(False)

    thread = threading.Thread(target=probe, name="hf-hub-probe", daemon=True)
    thread.start()
    thread.join(timeout)
    return bool(result and result[0])


def _one_line(exc: BaseException, limit: int = 300) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"{type(exc).__name__}: {text}"


# T5 checkpoints (ViT5) overflow to inf/NaN in float16; where bfloat16 is missing they stay fp32.
_NO_FP16_MODEL_TYPES = frozenset({"t5", "mt5"})


def resolve_device(device: str) -> str:
    """'auto' -> cuda when a GPU is usable, else mps, else cpu; an unusable request fails here."""
    import torch

    if device == "auto":
        if torch.cuda.is_available():
            return "cuda"
        mps = getattr(torch.backends, "mps", None)
        return "mps" if mps is not None and mps.is_available() else "cpu"
    if device.startswith("cuda"):
        if not torch.cuda.is_available():
            raise ModelLoadError(f"device {device} requested but CUDA is not available here")
        index = int(device.partition(":")[2] or 0)
        if index >= torch.cuda.device_count():
            raise ModelLoadError(
                f"device {device} requested but only {torch.cuda.device_count()} GPU(s) exist"
            )
    return device


def resolve_dtype(dtype: str, device: str, model_type: str | None = None) -> Any:
    """'auto' -> float32 on CPU/MPS; bfloat16 on CUDA when supported, else float16 (not T5)."""
    import torch

    if dtype != "auto":
        if dtype == "float16" and device == "cpu":
            raise ModelLoadError("dtype float16 is not supported on device cpu")
        return getattr(torch, dtype)
    if not device.startswith("cuda"):
        return torch.float32
    if torch.cuda.is_bf16_supported():
        return torch.bfloat16
    return torch.float32 if model_type in _NO_FP16_MODEL_TYPES else torch.float16


def _load(
    ref: str, device: str, local_only: bool, tokenizer_kwargs: dict[str, Any], dtype: str
):
    # Imported lazily: `vnbrief` commands that never touch a model should not pay ~2 s of import.
    from transformers import AutoConfig, AutoModelForSeq2SeqLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(ref, local_files_only=local_only, **tokenizer_kwargs)
    model_type = getattr(
        AutoConfig.from_pretrained(ref, local_files_only=local_only), "model_type", None
    )
    torch_dtype = resolve_dtype(dtype, device, model_type)
    model = AutoModelForSeq2SeqLM.from_pretrained(
        ref, local_files_only=local_only, dtype=torch_dtype
    )
    model.eval()
    model.to(device)
    return tokenizer, model


def load_seq2seq(
    model: str,
    device: str = "auto",
    tokenizer_kwargs: dict[str, Any] | None = None,
    dtype: str = "auto",
) -> tuple[Any, Any]:
    """Return (tokenizer, model) ready for generate(), or raise ModelLoadError with one line."""
    kwargs = dict(tokenizer_kwargs or {})
    device = resolve_device(device)
    if is_local_ref(model):
        path = Path(model).expanduser()
        if not path.is_dir():
            raise ModelLoadError(f"model directory {path} does not exist")
        try:
            return _load(str(path), device, True, kwargs, dtype)
        except ModelLoadError:
            raise
        except Exception as exc:  # transformers raises OSError/ValueError/ImportError/KeyError…
            raise ModelLoadError(f"cannot load model from {path}: {_one_line(exc)}") from exc

    if not _is_cached(model) and not hub_reachable():
        # Decided without importing transformers (~2.5 s): an offline run falls back at once.
        raise ModelLoadError(hub_offline_reason(model))
    try:
        return _load(model, device, True, kwargs, dtype)
    except ModelLoadError:
        raise
    except Exception as cached_exc:
        if _is_cached(model):
            # Files are there but broken or incompatible: the network would not help.
            raise ModelLoadError(
                f"cannot load cached model '{model}': {_one_line(cached_exc)}"
            ) from cached_exc
    if not hub_reachable():
        raise ModelLoadError(hub_offline_reason(model))
    try:
        return _load(model, device, False, kwargs, dtype)
    except ModelLoadError:
        raise
    except Exception as exc:
        raise ModelLoadError(f"cannot load '{model}' from the hub: {_one_line(exc)}") from exc


def _is_cached(model: str) -> bool:
    try:
        from huggingface_hub import try_to_load_from_cache

        found = try_to_load_from_cache(model, "config.json")
    except Exception:  # invalid repo id etc.
        return False
    return isinstance(found, str)


def locate_model(model: str) -> tuple[str, bool]:
    """Where `model` would load from, and whether that works without a network right now."""
    if is_local_ref(model):
        path = Path(model).expanduser().resolve()
        return f"local dir {path}", path.is_dir()
    if _is_cached(model):
        return "HF cache", True
    return "hub (not cached)", False


def pull_model(model: str) -> str:
    """Download `model` into the HF cache so later runs load offline; returns the local path."""
    if is_local_ref(model):
        path = Path(model).expanduser()
        if not path.is_dir():
            raise ModelLoadError(f"model directory {path} does not exist")
        return str(path.resolve())
    if not hub_reachable():
        raise ModelLoadError(
            f"cannot pull '{model}': huggingface.co cannot be reached (offline); "
            "run `vnbrief models pull` on a machine with a network"
        )
    try:
        from huggingface_hub import snapshot_download

        return snapshot_download(repo_id=model, ignore_patterns=_PULL_IGNORE)
    except Exception as exc:
        raise ModelLoadError(f"cannot pull '{model}': {_one_line(exc)}") from exc
