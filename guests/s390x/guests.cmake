# Tern s390x guest SDK users shipped with Tern: the demo system.
