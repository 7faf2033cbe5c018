"""The Qt layer: windows, item models, tray, notifications and dialogs."""
