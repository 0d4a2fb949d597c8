using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace FeedHub.Fixtures;

/// <summary>
/// A loopback listener that misbehaves below HTTP, where Kestrel cannot: it resets every connection, or
/// never accepts so that connecting stalls. Point a source at <see cref="BaseUri"/>.
/// </summary>
public sealed class TcpFault : IAsyncDisposable
{
    private readonly Socket listener;
    private readonly List<Socket> queued = [];
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;

    private TcpFault(Socket listener, Func<TcpFault, Task> serve)
    {
        this.listener = listener;
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        BaseUri = new Uri($"http://{((IPEndPoint)listener.LocalEndPoint!).Address}:{port.ToString(CultureInfo.InvariantCulture)}/");
        accepting = serve(this);
    }

    /// <summary><c>http://address:port/</c> of the listener.</summary>
    public Uri BaseUri { get; }

    /// <summary>Accepts each connection and closes it at once with a TCP RST (linger 0), before any response.</summary>
    public static TcpFault Resetting(IPAddress address) => new(Listen(address, backlog: 16), fault => fault.ResetAllAsync());

    /// <summary>
    /// Never accepts, and fills the accept queue with its own idle connections first, so the kernel drops
    /// later connection attempts (SYNs) and a client's connect waits until its own timeout.
    /// </summary>
    public static TcpFault Unaccepting(IPAddress address)
    {
        var listener = Listen(address, backlog: 1);
        var fault = new TcpFault(listener, _ => Task.CompletedTask);
        var endpoint = (IPEndPoint)listener.LocalEndPoint!;
        for (var i = 0; i < 4; i++)
        {
            var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { Blocking = false };
            try
            {
                filler.Connect(endpoint);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress)
            {
                // The queue is full: this attempt stays half-open, which is what later clients will meet too.
            }
            fault.queued.Add(filler);
        }
        return fault;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Dispose();
        try
        {
            await accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The listener was closed under the accept loop: that is how it ends.
        }
        foreach (var socket in queued) socket.Dispose();
        stopping.Dispose();
    }

    private static Socket Listen(IPAddress address, int backlog)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(address, 0));
        socket.Listen(backlog);
        return socket;
    }

    private async Task ResetAllAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptAsync(stopping.Token);
            client.LingerState = new LingerOption(true, 0);
            client.Close();
        }
    }
}
