; Included by electron-builder's NSIS installer (electron-builder.yml nsis.include).
; `Ventanilla Setup X.exe /ENROLL=ABCD-EFGH-JKLM` writes the device's one-time enrollment code to
; $INSTDIR\enrollment-code.txt; the app reads it at its first start and enrolls with the central
; server (src-main/config/enrollment-code-file.ts, docs/updates.md). Without /ENROLL nothing is
; written, so an update (which runs this installer again) leaves the device as it was.
!include "FileFunc.nsh"

!macro customInstall
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/ENROLL=" $R1
  ${IfNot} ${Errors}
  ${AndIf} $R1 != ""
    FileOpen $R2 "$INSTDIR\enrollment-code.txt" w
    FileWrite $R2 "$R1"
    FileClose $R2
  ${EndIf}
!macroend
