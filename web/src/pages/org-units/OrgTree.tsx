// Browse the caller's subtree; branches load when opened. Selecting a unit lists its children.
import { useCallback, useEffect, useState, type Key } from 'react';
import { Tree, type TreeDataNode } from 'antd';
import type { OrgUnit } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { loadChildUnits, loadRootUnits } from '../../lib/org-cache';

interface OrgTreeProps {
  selectedId: string;
  onSelect: (unit: OrgUnit | null) => void;
  /** Bumped after any change to the tree so it reloads. */
  version: number;
  label: string;
}

type Node = TreeDataNode & { unit: OrgUnit; children?: Node[] };

const toNode = (unit: OrgUnit): Node => ({
  key: unit.id,
  title: unit.status === 'retired' ? <s>{unit.name}</s> : unit.name,
  isLeaf: unit.childCount === 0,
  unit,
});

function withChildren(nodes: Node[], key: string, children: Node[]): Node[] {
  return nodes.map((node) =>
    node.key === key ? { ...node, children } : node.children ? { ...node, children: withChildren(node.children, key, children) } : node,
  );
}

export function OrgTree({ selectedId, onSelect, version, label }: OrgTreeProps) {
  const [nodes, setNodes] = useState<Node[]>([]);
  const [error, setError] = useState<unknown>();
  const [expanded, setExpanded] = useState<Key[]>([]);
  const [loaded, setLoaded] = useState<Key[]>([]);

  useEffect(() => {
    let live = true;
    setLoaded([]);
    loadRootUnits()
      .then((roots) => {
        if (!live) return;
        setNodes(roots.map(toNode));
        setExpanded(roots.map((root) => root.id));
      })
      .catch((cause: unknown) => live && setError(cause));
    return () => {
      live = false;
    };
  }, [version]);

  const loadData = useCallback(async (node: { key: Key }) => {
    const key = String(node.key);
    const children = await loadChildUnits(key, false);
    setNodes((current) => withChildren(current, key, children.map(toNode)));
    setLoaded((current) => [...current, key]);
  }, []);

  if (error) return <ErrorAlert error={error} />;
  return (
    <div aria-label={label} role="region">
      <Tree<Node>
        treeData={nodes}
        loadData={loadData}
        loadedKeys={loaded}
        expandedKeys={expanded}
        onExpand={setExpanded}
        selectedKeys={selectedId ? [selectedId] : []}
        onSelect={(_keys, info) => onSelect(info.selected ? info.node.unit : null)}
        blockNode
      />
    </div>
  );
}
