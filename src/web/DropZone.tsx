// Where files come in: a drop area, a file picker and a folder picker (all keyboard reachable).
import * as React from "react";
import { Button, makeStyles, mergeClasses, shorthands, Text, tokens } from "@fluentui/react-components";
import { fromDrop, fromInput, type Picked } from "./services/pickFiles";
import type { WebTranslator } from "./strings";

const ACCEPT = ".xlsx,.xlsm,.xltx,.xltm,.xls,.ods,.et";

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalXXL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  over: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  buttons: { display: "flex", columnGap: tokens.spacingHorizontalM },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

export function DropZone({ tr, onFiles }: { tr: WebTranslator; onFiles: (files: Picked[]) => void }) {
  const s = useStyles();
  const [over, setOver] = React.useState(false);
  const files = React.useRef<HTMLInputElement>(null);
  const folder = React.useRef<HTMLInputElement>(null);
  React.useEffect(() => {
    // webkitdirectory is not a React prop: set on the element.
    folder.current?.setAttribute("webkitdirectory", "");
  }, []);
  const picked = (e: React.ChangeEvent<HTMLInputElement>) => {
    const list = fromInput(e.target.files);
    e.target.value = "";
    if (list.length > 0) onFiles(list);
  };
  return (
    <section
      aria-label={tr.t("dropHere")}
      className={mergeClasses(s.zone, over && s.over)}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = "copy";
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void fromDrop(e.dataTransfer).then((list) => list.length > 0 && onFiles(list));
      }}
      data-testid="drop-zone"
    >
      <Text>{tr.t("dropHere")}</Text>
      <div className={s.buttons}>
        <Button appearance="primary" onClick={() => files.current?.click()}>
          {tr.t("pickFiles")}
        </Button>
        <Button onClick={() => folder.current?.click()}>{tr.t("pickFolder")}</Button>
      </div>
      <Text size={200}>{tr.t("accepted")}</Text>
      <input ref={files} className={s.hidden} type="file" multiple accept={ACCEPT} onChange={picked} tabIndex={-1} aria-hidden="true" data-testid="file-input" />
      <input ref={folder} className={s.hidden} type="file" multiple onChange={picked} tabIndex={-1} aria-hidden="true" data-testid="folder-input" />
    </section>
  );
}
