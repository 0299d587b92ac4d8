"""The Qt shell: widgets show state and forward input; the core decides."""
