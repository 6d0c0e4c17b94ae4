import net from "node:net"

/**
 * A TCP port the OS reports free right now. Test files run two at a time,
 * so fixed or pid-derived ports could collide; ask the OS instead.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once("error", reject)
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}
