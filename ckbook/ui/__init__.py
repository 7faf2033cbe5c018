"""The Qt layer: windows, item models, tray, notifications, dialogs. Only here (and app.py) is Qt."""
